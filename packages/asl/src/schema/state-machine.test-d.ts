import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  JsonataChoiceState,
  JsonataFailState,
  JsonataMapState,
  JsonataParallelState,
  JsonataPassState,
  JsonataTaskState,
  JsonataWaitState,
  JsonPathChoiceState,
  JsonPathFailState,
  JsonPathMapState,
  JsonPathParallelState,
  JsonPathPassState,
  JsonPathSucceedState,
  JsonPathTaskState,
  JsonPathWaitState,
  StateMachineDefinition,
} from '../types';
import type {
  jsonataStateSchemasByType,
  jsonPathStateSchemasByType,
  stateMachineSchema,
} from './state-machine';

type RawOut<K extends keyof S['raw'], S extends { raw: Record<string, z.ZodType> }> = z.output<S['raw'][K]>;
type JP = typeof jsonPathStateSchemasByType;
type JA = typeof jsonataStateSchemasByType;

describe('stateMachineSchema types', () => {
  it('infers exactly StateMachineDefinition', () => {
    expectTypeOf<z.infer<typeof stateMachineSchema>>().toEqualTypeOf<StateMachineDefinition>();
  });

  it('has unrefined JSONPath shapes wide enough for every value the state types allow', () => {
    expectTypeOf<JsonPathPassState>().toExtend<RawOut<'Pass', JP>>();
    expectTypeOf<JsonPathTaskState>().toExtend<RawOut<'Task', JP>>();
    expectTypeOf<JsonPathChoiceState>().toExtend<RawOut<'Choice', JP>>();
    expectTypeOf<JsonPathWaitState>().toExtend<RawOut<'Wait', JP>>();
    expectTypeOf<JsonPathSucceedState>().toExtend<RawOut<'Succeed', JP>>();
    expectTypeOf<JsonPathFailState>().toExtend<RawOut<'Fail', JP>>();
    expectTypeOf<JsonPathParallelState>().toExtend<RawOut<'Parallel', JP>>();
    expectTypeOf<JsonPathMapState>().toExtend<RawOut<'Map', JP>>();
  });

  it('has unrefined JSONata shapes wide enough for every value the state types allow', () => {
    expectTypeOf<JsonataPassState>().toExtend<RawOut<'Pass', JA>>();
    expectTypeOf<JsonataTaskState>().toExtend<RawOut<'Task', JA>>();
    expectTypeOf<JsonataChoiceState>().toExtend<RawOut<'Choice', JA>>();
    expectTypeOf<JsonataWaitState>().toExtend<RawOut<'Wait', JA>>();
    expectTypeOf<JsonataFailState>().toExtend<RawOut<'Fail', JA>>();
    expectTypeOf<JsonataParallelState<'JSONata'>>().toExtend<RawOut<'Parallel', JA>>();
    expectTypeOf<JsonataMapState<'JSONata'>>().toExtend<RawOut<'Map', JA>>();
  });
});
