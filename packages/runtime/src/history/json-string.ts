/**
 * `JSON.stringify(text)` for a string, which skips the call when nothing needs escaping: event
 * types, positions and most payloads that are not objects (`null`, numbers) need none, and the
 * call costs more than the rest of writing them. Stops at the first character that may: a quote,
 * a backslash, a control character, or a surrogate (JSON.stringify escapes a lone one, which
 * would not survive the trip to UTF-8 and back as it is).
 */
export function jsonString(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return JSON.stringify(text);
    }
  }
  return `"${text}"`;
}
