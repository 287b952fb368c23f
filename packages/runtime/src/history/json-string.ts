/**
 * `JSON.stringify(text)` for a string, which skips the call when nothing needs escaping: event
 * types, positions and most payloads that are not objects (`null`, numbers) need none, and the
 * call costs more than the rest of writing them. Stops at the first character that does.
 */
export function jsonString(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c) return JSON.stringify(text);
  }
  return `"${text}"`;
}
