/**
 * PostgreSQL's text cannot hold U+0000, and a commit that carries one fails every time it is tried
 * again: an execution whose error or cause held one would never end. It is written as U+FFFD, the
 * replacement character. JSON text (inputs, outputs, events) escapes it and needs no change.
 */
export function pgText(value: string): string;
export function pgText(value: string | null): string | null;
export function pgText(value: string | null): string | null {
  return value === null || !value.includes('\u0000') ? value : value.replaceAll('\u0000', '\uFFFD');
}
