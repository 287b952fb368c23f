/**
 * Turns a JSONPath reference into the builder's selector syntax, e.g.
 * `$.order['line items'][0]` into `s.order?.['line items']?.[0]`,
 * `$$.Execution.Id` into `c.Execution.Id` and `$total` into `v.total`. Below
 * the first field of the data or a variable the reads are optional (`?.`):
 * the fields an imported definition reads are typed as possibly absent. Only
 * paths that the builder renders back to the very same string are accepted;
 * anything else (filters, wildcards, slices, unusual spellings) answers
 * `undefined`.
 */
export interface SelectorNames {
  data: string;
  context: string;
  vars: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CANONICAL_INDEX = /^(0|[1-9][0-9]*)$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function pathToSelector(path: unknown, names: SelectorNames): string | undefined {
  if (typeof path !== 'string') return undefined;
  const head = /^(\$\$|\$[A-Za-z_][A-Za-z0-9_]*|\$)/.exec(path)?.[0];
  if (head === undefined) return undefined;
  const segments = parseSegments(path.slice(head.length));
  if (!segments || segments.some((segment) => FORBIDDEN.has(String(segment)))) return undefined;
  let expression: string;
  if (head === '$') expression = names.data;
  else if (head === '$$') expression = names.context;
  else {
    const variable = head.slice(1);
    if (variable === 'states') return undefined;
    expression = `${names.vars}.${variable}`;
  }
  // The context object's fields are always there; those of the data and variables may not be.
  const optionalFrom = head === '$' ? 1 : head === '$$' ? Number.POSITIVE_INFINITY : 0;
  segments.forEach((segment, index) => {
    const dot = index >= optionalFrom ? '?.' : '';
    expression +=
      typeof segment === 'number'
        ? `${dot}[${segment}]`
        : IDENTIFIER.test(segment)
          ? `${dot || '.'}${segment}`
          : `${dot}[${JSON.stringify(segment)}]`;
  });
  return renderPath(head, segments) === path ? expression : undefined;
}

function parseSegments(rest: string): (string | number)[] | undefined {
  const segments: (string | number)[] = [];
  const pattern = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(0|[1-9][0-9]*)\]|\['((?:[^'\\]|\\.)*)'\]/y;
  let at = 0;
  while (at < rest.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(rest);
    if (!match) return undefined;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else {
      const name = (match[3] ?? '').replace(/\\(.)/g, '$1');
      // The builder reads a canonical index as a number, which renders as [n].
      segments.push(CANONICAL_INDEX.test(name) ? Number(name) : name);
    }
    at = pattern.lastIndex;
  }
  return segments;
}

/** The builder's own rendering, to check that a path survives the round trip unchanged. */
function renderPath(head: string, segments: readonly (string | number)[]): string {
  return (
    head +
    segments
      .map((segment) =>
        typeof segment === 'number'
          ? `[${segment}]`
          : IDENTIFIER.test(segment)
            ? `.${segment}`
            : `['${segment.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`,
      )
      .join('')
  );
}
