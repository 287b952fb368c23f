import type { Fields } from './state-code-context';

/** A JSONPath read of the data below its root: `$.a`, `$['a b']`, `$[0]`, also inside an intrinsic call. */
const DATA_READ = /(^|[\s(,])\$[.[]/;

/**
 * Whether a state reads fields of its data with JSONPath, in its own fields
 * or in the states nested in it. Such reads only type-check when the data
 * reaching the state has a type, so a Task whose result, or a raw state
 * whose output, flows there needs one declared.
 */
export function readsData(value: unknown, key = ''): boolean {
  if (Array.isArray(value)) return value.some((item) => readsData(item));
  if (typeof value === 'string') {
    const reading =
      (key.endsWith('Path') && key !== 'ResultPath') || key.endsWith('.$') || key === 'Variable';
    return reading && DATA_READ.test(value);
  }
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([name, item]) => readsData(item, name));
}

/** Whether any state reachable from `name`'s `Next` (in the same scope) reads fields of its data. */
export function readsAfter(states: Readonly<Record<string, Fields>>, name: string): boolean {
  const next = states[name]?.Next;
  if (typeof next !== 'string') return false;
  const seen = new Set<string>();
  const queue = [next];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (seen.has(current) || !Object.hasOwn(states, current)) continue;
    seen.add(current);
    const state = states[current]!;
    if (readsData(state)) return true;
    queue.push(...successors(state));
  }
  return false;
}

function successors(state: Fields): string[] {
  const rules = Array.isArray(state.Choices) ? (state.Choices as Fields[]) : [];
  const catchers = Array.isArray(state.Catch) ? (state.Catch as Fields[]) : [];
  return [
    state.Next,
    state.Default,
    ...rules.map((rule) => rule?.Next),
    ...catchers.map((c) => c?.Next),
  ].filter((target): target is string => typeof target === 'string');
}

/**
 * The type assumed for data placed at `resultPath` (`$`, `$.a.b`): the
 * definition's merged `Data`, or the part of it found there.
 */
export function assumedType(resultPath: unknown): string | undefined {
  if (resultPath === undefined || resultPath === '$') return 'Data';
  if (typeof resultPath !== 'string' || !resultPath.startsWith('$')) return undefined;
  const segments = [...resultPath.slice(1).matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\['((?:[^'\\]|\\.)*)'\]/g)];
  if (segments.map((segment) => segment[0]).join('') !== resultPath.slice(1)) return undefined;
  return segments.reduce(
    (type, segment) =>
      `NonNullable<${type}[${JSON.stringify(segment[1] ?? (segment[2] ?? '').replace(/\\(.)/g, '$1'))}]>`,
    'Data',
  );
}
