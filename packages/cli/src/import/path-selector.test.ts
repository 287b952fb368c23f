import { describe, expect, it } from 'vitest';
import { pathToSelector } from './path-selector';

const names = { data: 's', context: 'c', vars: 'v' };

describe('pathToSelector', () => {
  it.each([
    ['$', 's'],
    ['$.order.id', 's.order?.id'],
    ["$.order['line items'][0]", 's.order?.["line items"]?.[0]'],
    ['$$.Execution.Id', 'c.Execution.Id'],
    ['$total.net', 'v.total?.net'],
  ])('turns %s into %s, optional below the first field', (path, selector) => {
    expect(pathToSelector(path, names)).toBe(selector);
  });

  it.each([
    '$.items[*]',
    '$..id',
    '$.a[1:2]',
    "$['a']",
    '$.items[?(@.x)]',
    "$['0']",
    '$.__proto__',
    'States.Format()',
    '$states.input',
  ])('refuses %s, which the builder would not write back the same', (path) => {
    expect(pathToSelector(path, names)).toBeUndefined();
  });
});
