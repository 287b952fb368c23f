import { describe, expect, it } from 'vitest';
import { createDurableRuntime } from '../durable/durable-runtime';
import { InMemoryDurableStore } from '../durable/memory-durable-store';
import { InvalidDefinitionError } from '../errors/runtime-errors';
import { checkDefinition } from './check-definition';

describe('checkDefinition', () => {
  it.each([
    ['text that is not JSON', '{"StartAt": ', /not valid JSON/],
    ['null', null, /must be a JSON object, not null/],
    ['JSON text of an array', '[]', /not an array/],
    ['a number', 5, /not a number/],
  ])('refuses %s with InvalidDefinitionError, validating or not', (_, definition, message) => {
    for (const validate of [true, false]) {
      let thrown: unknown;
      try {
        checkDefinition(definition as never, validate);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidDefinitionError);
      expect((thrown as InvalidDefinitionError).code).toBe('INVALID_DEFINITION');
      expect((thrown as InvalidDefinitionError).diagnostics[0]).toMatchObject({
        code: 'SCHEMA_VALIDATION_FAILED',
        message: expect.stringMatching(message),
      });
    }
  });

  it('leaves a durable runtime running when a start or a machine is given null', async () => {
    // An unhandled rejection here would fail the test run.
    const runtime = createDurableRuntime({ store: new InMemoryDurableStore() });
    await expect(runtime.startExecution(null as never)).rejects.toBeInstanceOf(InvalidDefinitionError);
    await expect(runtime.createStateMachine('Orders', null as never)).rejects.toBeInstanceOf(
      InvalidDefinitionError,
    );
    await expect(runtime.startExecution('not json')).rejects.toBeInstanceOf(InvalidDefinitionError);
    const ok = await runtime.startExecution({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    expect((await ok.result()).status).toBe('SUCCEEDED');
    await runtime.close();
  });
});
