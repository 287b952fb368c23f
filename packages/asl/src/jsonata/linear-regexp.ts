import { RE2JS } from 're2js';

/**
 * The regular expressions of JSONata expressions, matched by RE2 (its JavaScript port) instead of
 * the JavaScript engine. A definition is untrusted, and a backtracking engine can take exponential
 * time on patterns such as `(a|a)*b` or `(a+)+$`, natively, where no time limit can stop it. RE2
 * matches in time linear in the input, whatever the pattern; the price is that backreferences and
 * lookaround, which no linear-time engine can offer, are refused when the expression is compiled.
 *
 * jsonata calls it as it calls `RegExp`: built from the literal's `RegExp` (flags `g`, and `i`
 * or `m` when written), then `lastIndex` set and `exec` called for each match.
 */
export class LinearRegExp {
  readonly source: string;
  readonly flags: string;
  readonly global = true;
  lastIndex = 0;
  private readonly pattern: RE2JS;

  constructor(regex: RegExp | string, flags?: string) {
    this.source = typeof regex === 'string' ? regex : regex.source;
    this.flags = flags ?? (typeof regex === 'string' ? '' : regex.flags);
    this.pattern = compileLinear(this.source, this.flags);
  }

  exec(input: string): RegExpExecArray | null {
    const from = this.lastIndex;
    const matcher = this.pattern.matcher(input);
    if (from > input.length || !matcher.find(from)) {
      this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [];
    for (let g = 0; g <= matcher.groupCount(); g++) groups.push(matcher.group(g) ?? undefined);
    const match = Object.assign(groups, { index: matcher.start(), input }) as RegExpExecArray;
    this.lastIndex = matcher.end();
    return match;
  }

  test(input: string): boolean {
    return this.exec(input) !== null;
  }
}

// A literal is built again each time its expression is evaluated; compiling it once is enough.
const compiled = new Map<string, RE2JS>();
const MAX_COMPILED = 500;

/** RE2's form of a pattern with JavaScript flags; throws RE2's syntax error for what it refuses. */
export function compileLinear(source: string, flags: string): RE2JS {
  const key = `${flags}/${source}`;
  let pattern = compiled.get(key);
  if (pattern === undefined) {
    let options = 0;
    if (flags.includes('i')) options |= RE2JS.CASE_INSENSITIVE;
    if (flags.includes('m')) options |= RE2JS.MULTILINE;
    pattern = RE2JS.compile(asJavaScriptMeans(source), options);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, pattern);
  }
  return pattern;
}

// What JavaScript's `\s` matches; RE2's is ASCII whitespace only.
const WHITESPACE = '\t\n\x0B\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF';

/**
 * The pattern with `.`, `\s` and `\S` spelled out as JavaScript reads them, where RE2 differs: its
 * `.` also matches `\r`, `\u2028` and `\u2029`, and its `\s` knows no Unicode spaces. (Inside a
 * class, `\S` keeps RE2's meaning, and with `m`, `^` and `$` see only `\n` as a line break.)
 */
export function asJavaScriptMeans(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      i++;
      if (next === 's') out += inClass ? WHITESPACE : `[${WHITESPACE}]`;
      else if (next === 'S' && !inClass) out += `[^${WHITESPACE}]`;
      else out += char + next;
    } else if (inClass) {
      if (char === ']') inClass = false;
      out += char;
    } else if (char === '[') {
      inClass = true;
      out += char;
    } else out += char === '.' ? '[^\n\r\u2028\u2029]' : char;
  }
  return out;
}

/** Why RE2 cannot take a pattern, or undefined when it can. */
export function linearRegexProblem(source: string, flags: string): string | undefined {
  try {
    compileLinear(source, flags);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
