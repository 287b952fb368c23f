/** RFC 6901 JSON pointers, the form every diagnostic location takes. */

export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(base: string, ...segments: (string | number)[]): string {
  let pointer = base;
  for (const segment of segments) pointer += `/${escapePointerSegment(segment)}`;
  return pointer;
}

export function isJsonPointer(value: string): boolean {
  // Every "~" must start one of the two escapes, and a non-empty pointer starts with "/".
  return (value === '' || value.startsWith('/')) && !/~(?![01])/.test(value);
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value a pointer designates, or `undefined` if it designates nothing. */
export function resolvePointer(document: unknown, pointer: string): { found: boolean; value?: unknown } {
  let current: unknown = document;
  for (const segment of pointerSegments(pointer)) {
    if (typeof current !== 'object' || current === null) return { found: false };
    if (Array.isArray(current) && !/^(0|[1-9]\d*)$/.test(segment)) return { found: false };
    if (!Object.hasOwn(current, segment)) return { found: false };
    current = (current as Record<string, unknown>)[segment];
  }
  return { found: true, value: current };
}

/** True when `inner` is `outer` or lies beneath it. */
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(`${outer}/`);
}
