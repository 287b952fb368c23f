import { describe, expect, it } from 'vitest';
import { isExpression, jsonataFieldEntry, jsonataValueCode } from './jsonata-code';

const used = new Set<string>();
const use = (helper: string) => used.add(helper);

describe('JSONata values', () => {
  it('recognise the expressions the builder writes back exactly', () => {
    expect(isExpression('{% $states.input %}')).toBe(true);
    expect(isExpression(' {% $states.input %}')).toBe(false);
    expect(isExpression('{%  %}')).toBe(false);
    expect(isExpression('text')).toBe(false);
  });

  it('write a whole-field expression with jsonata() and any other value as a selector', () => {
    expect(jsonataFieldEntry('{% $states.result %}', use)).toBe("jsonata('{% $states.result %}')");
    expect(jsonataFieldEntry({ a: '{% $x %}', b: [1, 'two'] }, use)).toBe(
      "() => ({ a: jsonataValue('{% $x %}'), b: [1, 'two'] })",
    );
    expect(jsonataFieldEntry('plain', use)).toBe("() => 'plain'");
    expect(jsonataFieldEntry(undefined, use)).toBeUndefined();
    expect([...used].sort()).toEqual(['jsonata', 'jsonataValue']);
  });

  it('refuse what the builder would write differently', () => {
    expect(jsonataValueCode({ 'key.$': '$.a' }, use)).toBeUndefined();
    expect(jsonataValueCode(JSON.parse('{"__proto__": 1}'), use)).toBeUndefined();
    expect(jsonataValueCode('{%  %}', use)).toBeUndefined();
    expect(jsonataFieldEntry({ constructor: 1 }, use)).toBe(false);
  });
});
