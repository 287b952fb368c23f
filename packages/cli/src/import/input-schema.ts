import { pathToSelector } from './path-selector';
import { propertyKey } from './ts-literal';

/** What a field is known to hold: a comparison's kind, or an object with fields read below it. */
interface Shape {
  kind?: 'string' | 'number' | 'boolean';
  fields: Map<string, Shape>;
}

const KINDS: ReadonlyArray<readonly [RegExp, NonNullable<Shape['kind']>]> = [
  [/^(String|Timestamp)/, 'string'],
  [/^Numeric/, 'number'],
  [/^Boolean/, 'boolean'],
];
/** Fields holding a path that writes rather than reads. */
const WRITES = new Set(['ResultPath']);

/**
 * A zod schema for the data a definition reads, inferred from its paths:
 * `$.order.total` compared with `NumericGreaterThan` gives
 * `z.looseObject({ order: z.looseObject({ total: z.number().optional() }).optional() })`.
 * Every field is optional and every object loose, since the definition only
 * says what it reads, not what must be there. The paths of all states are
 * merged, which is what lets selectors and literal paths type-check.
 */
export function inputSchemaCode(definition: unknown): string {
  const root: Shape = { fields: new Map() };
  collect(definition, root);
  return objectCode(root);
}

function collect(value: unknown, root: Shape): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, root);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const fields = value as Record<string, unknown>;
  const kind = KINDS.find(([pattern]) => Object.keys(fields).some((key) => pattern.test(key)))?.[1];
  for (const [key, item] of Object.entries(fields)) {
    const reads = (key.endsWith('Path') && !WRITES.has(key)) || key.endsWith('.$') || key === 'Variable';
    if (reads && typeof item === 'string') {
      const typed =
        key === 'Variable' || (key.endsWith('Path') && KINDS.some(([pattern]) => pattern.test(key)));
      add(root, item, typed ? kind : undefined);
    } else collect(item, root);
  }
}

function add(root: Shape, path: string, kind: Shape['kind']): void {
  // Only plain data paths (`$.a.b`) say something about the input's shape.
  if (!path.startsWith('$.') || pathToSelector(path, { data: 's', context: 'c', vars: 'v' }) === undefined)
    return;
  const segments = [
    ...path.slice(1).matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]/g),
  ];
  let shape = root;
  for (const segment of segments) {
    // An index says the field is an array; its items are not described.
    if (segment[3] !== undefined) return;
    const name = segment[1] ?? (segment[2] ?? '').replace(/\\(.)/g, '$1');
    let child = shape.fields.get(name);
    if (!child) {
      child = { fields: new Map() };
      shape.fields.set(name, child);
    }
    shape = child;
  }
  shape.kind ??= kind;
}

function objectCode(shape: Shape): string {
  const entries = [...shape.fields].map(
    ([name, child]) => `${propertyKey(name)}: ${fieldCode(child)}.optional()`,
  );
  return entries.length === 0 ? 'z.looseObject({})' : `z.looseObject({\n${entries.join(',\n')},\n})`;
}

function fieldCode(shape: Shape): string {
  if (shape.fields.size > 0) return objectCode(shape);
  return shape.kind ? `z.${shape.kind}()` : 'z.unknown()';
}
