import { pathToSelector } from './path-selector';
import { type Alias, resultAliases } from './result-aliases';
import { propertyKey } from './ts-literal';

/** What a field is known to hold: a kind, the fields read below it, the shape of its items. */
interface Shape {
  kind?: 'string' | 'number' | 'boolean' | 'array';
  fields: Map<string, Shape>;
  items?: Shape;
}

const KINDS: ReadonlyArray<readonly [RegExp, 'string' | 'number' | 'boolean']> = [
  [/^(String|Timestamp)/, 'string'],
  [/^Numeric/, 'number'],
  [/^Boolean/, 'boolean'],
];
/** Fields holding a path that writes rather than reads. */
const WRITES = new Set(['ResultPath']);
/** Path fields whose value has a known kind: `SecondsPath` reads a number. */
const FIELD_KINDS: Readonly<Record<string, NonNullable<Shape['kind']>>> = {
  SecondsPath: 'number',
  TimeoutSecondsPath: 'number',
  HeartbeatSecondsPath: 'number',
  MaxConcurrencyPath: 'number',
  ToleratedFailurePercentagePath: 'number',
  ToleratedFailureCountPath: 'number',
  TimestampPath: 'string',
  ErrorPath: 'string',
  CausePath: 'string',
  ItemsPath: 'array',
};
const DATA_PATH = /\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\['(?:[^'\\]|\\.)*'\]|\[\d+\])+/g;

/**
 * A zod schema for the data a definition reads, inferred from its paths:
 * `$.order.total` compared with `NumericGreaterThan` gives
 * `z.looseObject({ order: z.looseObject({ total: z.number().optional() }).optional() })`.
 * Every field is optional and every object loose, since the definition only
 * says what it reads, not what must be there. The paths of all states are
 * merged, which is what lets selectors and literal paths type-check; those a
 * Map's processor reads describe the items of the array it iterates.
 */
export function inputSchemaCode(definition: unknown): string {
  const root: Shape = { fields: new Map() };
  const aliases: Alias[] = [];
  collect(definition, root, aliases);
  shareKinds(root, aliases);
  return objectCode(root);
}

/** A field copied from another has the same kind: what is known of one is known of both. */
function shareKinds(root: Shape, aliases: readonly Alias[]): void {
  for (const [landed, read] of aliases) {
    const to = find(root, landed);
    const from = find(root, read);
    if (!to || !from) continue;
    to.kind ??= from.kind;
    from.kind ??= to.kind;
  }
}

function collect(value: unknown, root: Shape, aliases: Alias[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, root, aliases);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const fields = value as Record<string, unknown>;
  if (typeof fields.Type === 'string') aliases.push(...resultAliases(fields));
  const processor = itemScope(fields);
  const kind = KINDS.find(([pattern]) => Object.keys(fields).some((key) => pattern.test(key)))?.[1];
  for (const [key, item] of Object.entries(fields)) {
    if (processor && item === processor) {
      const array = add(root, fields.ItemsPath as string, 'array');
      if (array) {
        array.items ??= { fields: new Map() };
        collect(processor, array.items, aliases);
      } else collect(processor, root, aliases);
      continue;
    }
    const reads = (key.endsWith('Path') && !WRITES.has(key)) || key.endsWith('.$') || key === 'Variable';
    if (reads && typeof item === 'string') {
      const typed =
        key === 'Variable' || (key.endsWith('Path') && KINDS.some(([pattern]) => pattern.test(key)));
      if (item.startsWith('$')) add(root, item, FIELD_KINDS[key] ?? (typed ? kind : undefined));
      // An intrinsic call reads the paths among its arguments.
      else for (const [path] of item.matchAll(DATA_PATH)) add(root, path, undefined);
    } else collect(item, root, aliases);
  }
}

/**
 * The processor of a Map whose iterations receive the items themselves (no
 * ItemSelector or Parameters): what it reads describes the items.
 */
function itemScope(fields: Record<string, unknown>): unknown {
  if (fields.Type !== 'Map' || typeof fields.ItemsPath !== 'string' || fields.ItemsPath === '$')
    return undefined;
  if (fields.ItemSelector !== undefined || fields.Parameters !== undefined) return undefined;
  return fields.ItemProcessor ?? fields.Iterator;
}

/** The shape already recorded at `path`, if any. */
function find(root: Shape, path: string): Shape | undefined {
  let shape: Shape | undefined = root;
  for (const segment of segmentsOf(path) ?? []) {
    shape = segment[3] !== undefined ? shape?.items : shape?.fields.get(nameOf(segment));
  }
  return shape === root ? undefined : shape;
}

function segmentsOf(path: string): RegExpMatchArray[] | undefined {
  // A field of the data, by name or in brackets (`$.a`, `$['a b']`); the data itself is an object.
  const field = path.startsWith('$.') || path.startsWith("$['");
  if (!field || pathToSelector(path, { data: 's', context: 'c', vars: 'v' }) === undefined) return undefined;
  return [...path.slice(1).matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]/g)];
}

function nameOf(segment: RegExpMatchArray): string {
  return segment[1] ?? (segment[2] ?? '').replace(/\\(.)/g, '$1');
}

/** Records a read of `path` and answers the shape it reaches, or `undefined` for other paths. */
function add(root: Shape, path: string, kind: Shape['kind']): Shape | undefined {
  // Only plain data paths (`$.a.b`) say something about the input's shape.
  const segments = segmentsOf(path);
  if (!segments) return undefined;
  let shape = root;
  for (const segment of segments) {
    if (segment[3] !== undefined) {
      // An index says the field is an array; what is read below it describes the items.
      shape.kind ??= 'array';
      if (shape.kind !== 'array') return undefined;
      shape.items ??= { fields: new Map() };
      shape = shape.items;
      continue;
    }
    const name = nameOf(segment);
    let child = shape.fields.get(name);
    if (!child) {
      child = { fields: new Map() };
      shape.fields.set(name, child);
    }
    shape = child;
  }
  shape.kind ??= kind;
  return shape;
}

function objectCode(shape: Shape): string {
  const entries = [...shape.fields].map(
    ([name, child]) => `${propertyKey(name)}: ${fieldCode(child)}.optional()`,
  );
  return entries.length === 0 ? 'z.looseObject({})' : `z.looseObject({\n${entries.join(',\n')},\n})`;
}

function fieldCode(shape: Shape): string {
  if (shape.kind === 'array') return `z.array(${shape.items ? fieldCode(shape.items) : 'z.unknown()'})`;
  if (shape.fields.size > 0) return objectCode(shape);
  return shape.kind ? `z.${shape.kind}()` : 'z.unknown()';
}
