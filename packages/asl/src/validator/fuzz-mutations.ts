import fc from 'fast-check';

/**
 * Mutations of real definitions for the never-throws property: each picks a
 * random container inside the definition and damages it the way hand
 * editing does (a field deleted, replaced, duplicated or retyped, a state
 * renamed, junk typed into a string).
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const JUNK = [
  '',
  '$',
  '$$',
  '$..',
  '[',
  "']",
  '{%',
  '%}',
  '{% $x %',
  'States.',
  'States.Format(',
  '.$',
  '~1/',
  '\u0000',
  '\\',
  '*',
];

/** Names every object inherits: a lookup table indexed by one of them finds a function, not a miss. */
const INHERITED_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

export const junkString = fc.oneof(fc.constantFrom(...JUNK), fc.string({ maxLength: 8 }));

export type Mutation =
  | { kind: 'delete' | 'duplicate' | 'retype'; pick: number }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'junk'; pick: number; junk: string; at: number };

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'retype'), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('replace'),
    pick: fc.nat(),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...INHERITED_NAMES)),
  }),
  fc.record({ kind: fc.constant('junk'), pick: fc.nat(), junk: junkString, at: fc.nat() }),
) as fc.Arbitrary<Mutation>;

export function mutate(definition: unknown, mutations: readonly Mutation[]): unknown {
  const copy = structuredClone(definition) as Json;
  for (const mutation of mutations) applyMutation(copy, mutation);
  return copy;
}

function applyMutation(root: Json, mutation: Mutation): void {
  const slots = slotsOf(root);
  if (slots.length === 0) return;
  const [holder, key] = slots[mutation.pick % slots.length]!;
  const record = holder as Record<string, Json>;
  const current = record[key as string];
  switch (mutation.kind) {
    case 'delete':
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete record[key as string];
      break;
    case 'duplicate':
      if (Array.isArray(holder)) holder.push(structuredClone(current) as Json);
      else record[`${String(key)}.$`] = structuredClone(current) as Json;
      break;
    case 'retype':
      record[key as string] =
        typeof current === 'string'
          ? current.length
          : typeof current === 'number'
            ? String(current)
            : [current ?? null];
      break;
    case 'replace':
      record[key as string] = mutation.value as Json;
      break;
    case 'junk':
      if (typeof current === 'string') {
        const at = mutation.at % (current.length + 1);
        record[key as string] = current.slice(0, at) + mutation.junk + current.slice(at);
      } else if (!Array.isArray(holder)) {
        // Renames the key: for a States object, this renames a state.
        delete record[key as string];
        record[String(key) + mutation.junk] = current as Json;
      }
      break;
  }
}

/** Every (container, key) pair of the document, parents before children. */
function slotsOf(root: Json): [Json[] | Record<string, Json>, string | number][] {
  const slots: [Json[] | Record<string, Json>, string | number][] = [];
  const pending: Json[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        slots.push([node, i]);
        pending.push(child);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        slots.push([node, key]);
        pending.push(child);
      }
    }
  }
  return slots;
}
