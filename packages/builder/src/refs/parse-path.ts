import { InvalidPathStringError } from '../errors';
import { FORBIDDEN_SEGMENTS, type PathRecord, type RefRoot } from './path-record';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const DOTTED = /^\.([^.[\]'"\s]+)/;
const QUOTED = /^\['((?:[^'\\]|\\.)*)'\]/;
const INDEX = /^\[(0|[1-9][0-9]*)\]/;

/** Whether a string is written as a read path: `$`, `$.a`, `$$.Execution.Id`, `$total`. */
export function looksLikePath(value: string): boolean {
  return value === '$' || /^\$(\$|\.|\[|[A-Za-z_])/.test(value);
}

/**
 * A read path written as a string, as the record a selector would produce.
 * `$` stands for `dataRoot` (the input, or the result in ResultSelector).
 * Only plain paths are accepted: names, quoted names and indices.
 */
export function parsePathString(path: string, dataRoot: RefRoot['kind'] = 'input'): PathRecord {
  let root: RefRoot;
  let rest: string;
  if (path.startsWith('$$')) {
    root = { kind: 'context' };
    rest = path.slice(2);
  } else if (path === '$' || path.startsWith('$.') || path.startsWith('$[')) {
    root = dataRoot === 'variable' ? { kind: 'input' } : ({ kind: dataRoot } as RefRoot);
    rest = path.slice(1);
  } else if (path.startsWith('$')) {
    const name = NAME.exec(path.slice(1))?.[0];
    if (!name) throw new InvalidPathStringError(path, 'a variable name must follow "$"');
    root = { kind: 'variable', name };
    rest = path.slice(1 + name.length);
  } else {
    throw new InvalidPathStringError(path, 'a read path starts with "$"');
  }
  const segments: (string | number)[] = [];
  while (rest.length > 0) {
    const [length, segment] = nextSegment(path, rest);
    if (typeof segment === 'string' && FORBIDDEN_SEGMENTS.has(segment)) {
      throw new InvalidPathStringError(path, `the segment "${segment}" is not allowed`);
    }
    segments.push(segment);
    rest = rest.slice(length);
  }
  return { root, segments };
}

/** The next segment of `rest` and how many characters it takes. */
function nextSegment(path: string, rest: string): [number, string | number] {
  const index = INDEX.exec(rest);
  if (index) return [index[0].length, Number(index[1])];
  const named = DOTTED.exec(rest) ?? QUOTED.exec(rest);
  if (!named) throw new InvalidPathStringError(path, `cannot continue at "${rest}"`);
  return [named[0].length, (named[1] as string).replace(/\\(.)/g, '$1')];
}
