/**
 * Whether a regular expression repeats a group that itself holds an unbounded repetition, as in
 * `(a+)+` or `(\w+\s?)*`. Such a pattern can take exponential time to fail on a string of a few
 * dozen characters, and a regex runs natively, where no time limit can stop it; so JSONata
 * expressions with one are refused when they are compiled. (Other slow patterns, such as
 * `(a|a)*`, are rarer and not detected.)
 */
export function hasNestedRepetition(source: string): boolean {
  // For each open group: whether an unbounded repetition occurs inside it.
  const groups: boolean[] = [];
  // Whether the item just read (a group just closed) holds an unbounded repetition.
  let lastHeldRepetition = false;
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    if (char === '\\') {
      i += 2;
      lastHeldRepetition = false;
      continue;
    }
    if (char === '[') {
      i = endOfClass(source, i);
      lastHeldRepetition = false;
      continue;
    }
    if (char === '(') {
      groups.push(false);
      i++;
      continue;
    }
    if (char === ')') {
      lastHeldRepetition = groups.pop() ?? false;
      i++;
      continue;
    }
    const repetition = repetitionAt(source, i);
    if (repetition !== undefined) {
      if (repetition.unbounded || repetition.max > 1) {
        if (lastHeldRepetition) return true;
        if (repetition.unbounded) markOpenGroups(groups);
      }
      // A lazy or possessive marker after the quantifier.
      i = source[repetition.end] === '?' ? repetition.end + 1 : repetition.end;
      lastHeldRepetition = false;
      continue;
    }
    lastHeldRepetition = false;
    i++;
  }
  return false;
}

function markOpenGroups(groups: boolean[]): void {
  for (let g = 0; g < groups.length; g++) groups[g] = true;
}

/** The index after a character class starting at `start`. */
function endOfClass(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === ']') i++;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

interface Repetition {
  readonly unbounded: boolean;
  readonly max: number;
  readonly end: number;
}

function repetitionAt(source: string, i: number): Repetition | undefined {
  const char = source[i];
  if (char === '*' || char === '+') return { unbounded: true, max: Number.POSITIVE_INFINITY, end: i + 1 };
  if (char === '?') return { unbounded: false, max: 1, end: i + 1 };
  if (char !== '{') return undefined;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24));
  if (!match) return undefined;
  const unbounded = match[2] !== undefined && match[3] === '';
  const max =
    match[2] === undefined ? Number(match[1]) : unbounded ? Number.POSITIVE_INFINITY : Number(match[3]);
  return { unbounded, max, end: i + match[0].length };
}
