/**
 * Where a recorded reference starts. `input` and `result` are the state's
 * data; which one a JSONPath `$` means depends on the field being written.
 */
export type RefRoot =
  | { readonly kind: 'input' }
  | { readonly kind: 'result' }
  | { readonly kind: 'errorOutput' }
  | { readonly kind: 'context' }
  | { readonly kind: 'variable'; readonly name: string };

/** A reference to data, recorded from a selector such as `(s) => s.order.id`. */
export interface PathRecord {
  readonly root: RefRoot;
  readonly segments: readonly (string | number)[];
}

export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
