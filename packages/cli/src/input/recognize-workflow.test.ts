import { describe, expect, it } from 'vitest';
import { recognizeWorkflow } from './recognize-workflow';

describe('recognizeWorkflow', () => {
  it('recognizes a builder workflow by its compile() and toJSON() methods, and compiles it on demand', () => {
    const definition = { StartAt: 'A', States: { A: { Type: 'Succeed' } } };
    const workflow = { compile: () => definition, toJSON: () => JSON.stringify(definition) };
    const recognized = recognizeWorkflow(workflow);
    expect(recognized?.kind).toBe('builder');
    expect(recognized?.kind === 'builder' && recognized.compile()).toBe(definition);
  });

  it('recognizes a plain ASL definition', () => {
    const definition = { StartAt: 'A', States: {} };
    expect(recognizeWorkflow(definition)).toEqual({ kind: 'asl', definition });
  });

  it.each([[null], [42], ['StartAt'], [{ StartAt: 1, States: {} }], [{ compile: () => ({}) }]])(
    'passes over %j',
    (value) => {
      expect(recognizeWorkflow(value)).toBeUndefined();
    },
  );
});
