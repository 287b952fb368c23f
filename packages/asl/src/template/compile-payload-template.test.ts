import { describe, expect, it } from 'vitest';
import { compilePayloadTemplate } from './compile-payload-template';
import { InvalidPayloadTemplateError, PayloadPathNotFoundError } from './template-errors';

const context = {
  Execution: { Id: 'arn:aws:states:us-east-1:111111111111:execution:test_state_machine:test_execution' },
  State: { Name: 'Prepare' },
};

function build(template: unknown, input: unknown, extra: { variables?: Map<string, unknown> } = {}): unknown {
  return compilePayloadTemplate(template).evaluate({ input, context, ...extra });
}

describe('compilePayloadTemplate', () => {
  it('copies plain values and substitutes .$ keys, dropping the suffix', () => {
    const template = { flagged: true, parts: { 'first.$': '$.vals[0]', 'last3.$': '$.vals[3:]' } };
    expect(build(template, { flagged: 7, vals: [0, 10, 20, 30, 40, 50] })).toEqual({
      flagged: true,
      parts: { first: 0, last3: [30, 40, 50] },
    });
  });

  it('processes .$ keys inside objects inside arrays', () => {
    const template = { list: [{ 'id.$': '$.id' }, 'plain', [{ 'nested.$': '$.id' }]] };
    expect(build(template, { id: 7 })).toEqual({ list: [{ id: 7 }, 'plain', [{ nested: 7 }]] });
  });

  it('reads the context object, variables and the whole input', () => {
    const template = {
      'exec.$': '$$.Execution.Id',
      'state.$': '$$.State.Name',
      'v.$': '$order.total',
      'all.$': '$',
    };
    const variables = new Map<string, unknown>([['order', { total: 12 }]]);
    expect(build(template, { a: 1 }, { variables })).toEqual({
      exec: context.Execution.Id,
      state: 'Prepare',
      v: 12,
      all: { a: 1 },
    });
  });

  it('gives a general path that matches nothing as an empty list, as AWS does', () => {
    expect(build({ 'item.$': '$.items[*].itemValue' }, {})).toEqual({ item: [] });
  });

  it('keeps a value of null found by a path', () => {
    expect(build({ 'a.$': '$.a' }, { a: null })).toEqual({ a: null });
  });

  it('fails with the AWS cause text when a path matches nothing', () => {
    const template = { outer: { 'missing.$': '$.nope.deep' } };
    let caught: unknown;
    try {
      build(template, { other: 1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PayloadPathNotFoundError);
    expect(caught).toMatchObject({
      code: 'PAYLOAD_PATH_NOT_FOUND',
      field: 'missing',
      path: '$.nope.deep',
      input: { other: 1 },
    });
    expect((caught as Error).message).toBe(
      `The JSONPath '$.nope.deep' specified for the field 'missing.$' could not be found in the input '{"other":1}'`,
    );
  });

  it('quotes the context object when a context path matches nothing', () => {
    expect(() => build({ 'value.$': '$$.Execution.Input.no_such_jsonpath' }, { x: 1 })).toThrow(
      `could not be found in the input '${JSON.stringify(context)}'`,
    );
  });

  it('copies constants afresh for every evaluation', () => {
    const compiled = compilePayloadTemplate({ constant: { list: [1] }, 'dynamic.$': '$.x' });
    const first = compiled.evaluate({ input: { x: 1 } }) as { constant: { list: number[] } };
    first.constant.list.push(2);
    expect(compiled.evaluate({ input: { x: 1 } })).toEqual({ constant: { list: [1] }, dynamic: 1 });
  });

  it('copies a template without any .$ key, and does not let later edits of the template leak in', () => {
    const template = { a: { b: [1, 2] } };
    const compiled = compilePayloadTemplate(template);
    template.a.b.push(3);
    const result = compiled.evaluate({ input: {} });
    expect(result).toEqual({ a: { b: [1, 2] } });
    expect(Object.isFrozen((result as { a: object }).a)).toBe(false);
  });

  it('passes primitives and arrays through as templates', () => {
    expect(build('text', {})).toBe('text');
    expect(build([{ 'a.$': '$.a' }], { a: 1 })).toEqual([{ a: 1 }]);
  });

  it('keeps keys named __proto__ as plain members without touching prototypes', () => {
    const template = JSON.parse('{"__proto__": {"polluted": true}, "x.$": "$.x"}');
    const result = build(template, { x: 1 }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(['__proto__', 'x']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe('rejects invalid templates, naming the JSON pointer of the key', () => {
    it.each([
      [{ 'a.$': 5 }, '/a.$', 'must be a string, not a number'],
      [{ outer: [{ 'b.$': { x: 1 } }] }, '/outer/0/b.$', 'must be a string, not an object'],
      [{ 'c.$': 'plain text' }, '/c.$', 'neither a path'],
      [{ 'd.$': '$.a[' }, '/d.$', "Invalid JSONPath '$.a['"],
      [{ 'e.$': '$.__proto__' }, '/e.$', "'__proto__' is not allowed"],
      [{ 'f/g~h.$': '$.' }, '/f~1g~0h.$', 'ends with a dot'],
      [{ 'i.$': 'States.NoSuchFunction()' }, '/i.$', 'NoSuchFunction'],
    ])('%j', (template, pointer, reason) => {
      let caught: unknown;
      try {
        compilePayloadTemplate(template, { field: 'Parameters' });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidPayloadTemplateError);
      expect(caught).toMatchObject({ code: 'INVALID_PAYLOAD_TEMPLATE', pointer, field: 'Parameters' });
      expect((caught as Error).message).toContain(`'Parameters${pointer}'`);
      expect((caught as Error).message).toContain(reason);
    });
  });
});

describe('compilePayloadTemplate with intrinsic functions', () => {
  it('evaluates a call whose arguments are paths into the input, the context and variables', () => {
    const template = { 'greeting.$': "States.Format('{} ran {} for {}', $.name, $$.State.Name, $who)" };
    const variables = new Map<string, unknown>([['who', 'Ana']]);
    expect(build(template, { name: 'Job' }, { variables })).toEqual({ greeting: 'Job ran Prepare for Ana' });
  });

  it('evaluates nested calls', () => {
    expect(build({ 'n.$': 'States.ArrayLength(States.Array($.a, $.b))' }, { a: 1, b: 2 })).toEqual({ n: 2 });
  });

  it('uses the injected sources of randomness', () => {
    const compiled = compilePayloadTemplate({ 'id.$': 'States.UUID()' });
    expect(compiled.evaluate({ input: {} }, { uuid: () => 'fixed-uuid' })).toEqual({ id: 'fixed-uuid' });
  });

  it('reports a path argument that matches nothing with the field it belongs to', () => {
    expect(() => build({ 'msg.$': "States.Format('{}', $.missing)" }, {})).toThrow(PayloadPathNotFoundError);
    expect(() => build({ 'msg.$': "States.Format('{}', $.missing)" }, {})).toThrow("for the field 'msg.$'");
  });
});
