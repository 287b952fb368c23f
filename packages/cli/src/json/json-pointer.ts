/** RFC 6901 JSON pointers (the locations the validator reports): the member holding a location. */
export function parentPointer(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  return pointer.slice(0, pointer.lastIndexOf('/'));
}
