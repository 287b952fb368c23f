/**
 * The definition as JSON text. Every object the compiler builds is written
 * in a fixed key order (fields in a canonical order, states in creation
 * order), so the text is the same on every run for the same program.
 * JavaScript lists integer-like keys first; that order is deterministic too.
 */
export function stableStringify(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent);
}
