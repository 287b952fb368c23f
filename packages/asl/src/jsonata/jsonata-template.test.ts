import { describe, expect, it } from 'vitest';
import { InvalidJsonataError, JsonataEvaluationError } from './jsonata-errors';
import { collectJsonataErrors, compileJsonataTemplate } from './jsonata-template';

const bindings = (input: unknown, variables: Record<string, unknown> = {}) => ({
  states: { input, context: {} },
  variables,
});

describe('compileJsonataTemplate', () => {
  it('evaluates embedded expressions and keeps everything else literally (corpus LIST_RICH)', async () => {
    const template = compileJsonataTemplate(
      [
        null,
        0,
        0.1,
        true,
        'string',
        [],
        '$nosuchvar',
        '$.no.such.path',
        '{% $states.input %}',
        { key: '{% true %}' },
      ],
      { field: 'Output' },
    );
    expect(template.hasExpressions).toBe(true);
    expect(await template.evaluate(bindings({ input_value: 'stringliteral' }))).toEqual([
      null,
      0,
      0.1,
      true,
      'string',
      [],
      '$nosuchvar',
      '$.no.such.path',
      { input_value: 'stringliteral' },
      { key: true },
    ]);
  });

  it('fails with AWS’s cause when an expression yields nothing, naming the field path', async () => {
    const template = compileJsonataTemplate({ result: '{% $doesNotExist %}' }, { field: 'Output' });
    await expect(template.evaluate(bindings({}))).rejects.toThrow(JsonataEvaluationError);
    await expect(template.evaluate(bindings({}))).rejects.toThrow(
      "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).",
    );
    const whole = compileJsonataTemplate('{% $doesNotExist %}', { field: 'Output' });
    await expect(whole.evaluate(bindings({}))).rejects.toThrow("for the field 'Output' returned nothing");
  });

  it('reports a bad expression with the JSON pointer of where it is', () => {
    let caught: unknown;
    try {
      compileJsonataTemplate({ a: [{ 'b/c': '{% 1 + %}' }] }, { pointer: '/States/S/Output' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidJsonataError);
    expect((caught as InvalidJsonataError).pointer).toBe('/States/S/Output/a/0/b~1c');
  });

  it('keeps a "__proto__" key of the template as plain data', async () => {
    const template = compileJsonataTemplate(JSON.parse('{"__proto__": {"x": "{% 1 %}"}}'));
    const result = (await template.evaluate(bindings({}))) as Record<string, unknown>;
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });
});

describe('collectJsonataErrors', () => {
  it('lists every bad expression with its pointer', () => {
    const errors = collectJsonataErrors(
      { ok: '{% 1 %}', bad: ['{% ( %}', 'plain', '{% $x.__proto__ %}'] },
      '/Output',
    );
    expect(errors.map((error) => error.pointer)).toEqual(['/Output/bad/0', '/Output/bad/2']);
  });
});
