import { pathToSelector, type SelectorNames } from './path-selector';
import { tsString } from './ts-literal';

const FUNCTIONS = new Set([
  'Format',
  'StringToJson',
  'JsonToString',
  'Array',
  'ArrayPartition',
  'ArrayContains',
  'ArrayRange',
  'ArrayGetItem',
  'ArrayLength',
  'ArrayUnique',
  'Base64Encode',
  'Base64Decode',
  'Hash',
  'JsonMerge',
  'MathRandom',
  'MathAdd',
  'StringSplit',
  'UUID',
]);

type Argument =
  | { kind: 'string'; value: string }
  | { kind: 'literal'; text: string }
  | { kind: 'path'; path: string; code: string }
  | { kind: 'call'; call: Call };
interface Call {
  name: string;
  args: Argument[];
}

/**
 * An intrinsic call written in ASL (`States.Format('{}', $.a)`) as the
 * builder's typed call (`States.Format('{}', s.a)`), or `undefined` when it
 * is not one or the builder would write it back differently.
 */
export function intrinsicCode(text: unknown, names: SelectorNames): string | undefined {
  if (typeof text !== 'string') return undefined;
  const parser = { text, at: 0, names };
  const call = parseCall(parser);
  if (!call || parser.at !== text.length || render(call) !== text) return undefined;
  return code(call);
}

interface Parser {
  readonly text: string;
  at: number;
  readonly names: SelectorNames;
}

function parseCall(p: Parser): Call | undefined {
  const head = /^States\.([A-Za-z0-9]+)\(/.exec(p.text.slice(p.at));
  if (!head || !FUNCTIONS.has(head[1]!)) return undefined;
  p.at += head[0].length;
  const args: Argument[] = [];
  skipSpaces(p);
  if (p.text[p.at] === ')') {
    p.at += 1;
    return { name: head[1]!, args };
  }
  for (;;) {
    skipSpaces(p);
    const arg = parseArgument(p);
    if (!arg) return undefined;
    args.push(arg);
    skipSpaces(p);
    const separator = p.text[p.at];
    p.at += 1;
    if (separator === ')') return { name: head[1]!, args };
    if (separator !== ',') return undefined;
  }
}

function parseArgument(p: Parser): Argument | undefined {
  const rest = p.text.slice(p.at);
  if (rest.startsWith('States.')) {
    const call = parseCall(p);
    return call && { kind: 'call', call };
  }
  if (rest.startsWith("'")) {
    const match = /^'((?:[^'\\]|\\.)*)'/.exec(rest);
    if (!match) return undefined;
    p.at += match[0].length;
    return { kind: 'string', value: match[1]!.replace(/\\(.)/g, '$1') };
  }
  if (rest.startsWith('$')) {
    // A path runs to the next separator outside a quoted name.
    const path = /^(?:[^,)'\s]|'(?:[^'\\]|\\.)*')+/.exec(rest)?.[0] ?? '';
    const selector = pathToSelector(path, p.names);
    if (selector === undefined) return undefined;
    p.at += path.length;
    return { kind: 'path', path, code: selector };
  }
  const literal = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(rest)?.[0];
  if (literal === undefined) return undefined;
  p.at += literal.length;
  return { kind: 'literal', text: literal };
}

function skipSpaces(p: Parser): void {
  while (p.text[p.at] === ' ') p.at += 1;
}

/** The call as the builder writes it: `, ` between arguments, only the escapes it needs. */
function render(call: Call): string {
  const args = call.args.map((arg, index) => {
    if (arg.kind === 'call') return render(arg.call);
    if (arg.kind === 'path') return arg.path;
    if (arg.kind === 'literal') return String(JSON.parse(arg.text));
    // The template of States.Format keeps its `{}` placeholders unescaped.
    const escaped = call.name === 'Format' && index === 0 ? /[\\']/g : /[\\'{}]/g;
    return `'${arg.value.replace(escaped, (c) => `\\${c}`)}'`;
  });
  return `States.${call.name}(${args.join(', ')})`;
}

function code(call: Call): string {
  const args = call.args.map((arg) => {
    if (arg.kind === 'call') return code(arg.call);
    if (arg.kind === 'path') return arg.code;
    if (arg.kind === 'literal') return String(JSON.parse(arg.text));
    return tsString(arg.value);
  });
  return `States.${call.name}(${args.join(', ')})`;
}
