/** RFC 6901 JSON pointers: the locations the validator reports. */

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function appendPointer(base: string, segment: string | number): string {
  return `${base}/${escapeSegment(segment)}`;
}

export function parentPointer(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  return pointer.slice(0, pointer.lastIndexOf('/'));
}
