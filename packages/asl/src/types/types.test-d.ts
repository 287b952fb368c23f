import { describe, expectTypeOf, it } from 'vitest';
import type {
  ChoiceRule,
  JsonataChoiceRule,
  JsonataPassState,
  JsonataState,
  JsonataStateMachine,
  JsonataTaskState,
  JsonataWaitState,
  JsonPathChoiceRule,
  JsonPathMapState,
  JsonPathNestedChoiceRule,
  JsonPathPassState,
  JsonPathState,
  JsonPathTaskState,
  JsonPathWaitState,
  OperandOf,
  PredefinedErrorName,
  ProcessorConfig,
  Retrier,
  StateIn,
  StateMachineDefinition,
} from './index';

describe('query-language split', () => {
  it('keeps JSONPath-only fields out of JSONata states', () => {
    // @ts-expect-error InputPath is JSONPath only
    const a: JsonataPassState = { Type: 'Pass', InputPath: '$', End: true };
    // @ts-expect-error ResultSelector is JSONPath only
    const b: JsonataTaskState = { Type: 'Task', Resource: 'r', ResultSelector: {}, End: true };
    // @ts-expect-error SecondsPath is JSONPath only
    const c: JsonataWaitState = { Type: 'Wait', SecondsPath: '$.s', End: true };
    expectTypeOf<keyof JsonataTaskState>().not.toEqualTypeOf<'Parameters'>();
    void [a, b, c];
  });

  it('keeps JSONata-only fields out of JSONPath states', () => {
    // @ts-expect-error Arguments is JSONata only
    const a: JsonPathTaskState = { Type: 'Task', Resource: 'r', Arguments: {}, End: true };
    // @ts-expect-error Output is JSONata only
    const b: JsonPathPassState = { Type: 'Pass', Output: {}, End: true };
    const c: JsonPathMapState = {
      Type: 'Map',
      // @ts-expect-error Items is JSONata only
      Items: [],
      ItemProcessor: { StartAt: 'a', States: {} },
      End: true,
    };
    void [a, b, c];
  });

  it('lets JSONata take expressions where JSONPath takes only numbers', () => {
    expectTypeOf<{ Type: 'Wait'; Seconds: '{% 1 %}'; End: true }>().toExtend<JsonataWaitState>();
    expectTypeOf<{ Type: 'Wait'; Seconds: '{% 1 %}'; End: true }>().not.toExtend<JsonPathWaitState>();
  });
});

describe('transitions', () => {
  it('rejects Next together with End, and neither', () => {
    // @ts-expect-error Next and End are exclusive
    const a: JsonPathPassState = { Type: 'Pass', Next: 'B', End: true };
    // @ts-expect-error one of Next and End is required
    const b: JsonPathPassState = { Type: 'Pass' };
    void [a, b];
  });

  it('gives Choice, Succeed and Fail no End', () => {
    // @ts-expect-error Succeed has no End
    const a: JsonPathState = { Type: 'Succeed', End: true };
    // @ts-expect-error Choice has no Next
    const b: JsonPathState = { Type: 'Choice', Choices: [], Next: 'x' };
    void [a, b];
  });

  it('needs exactly one way of waiting', () => {
    // @ts-expect-error Seconds and Timestamp are exclusive
    const a: JsonPathWaitState = { Type: 'Wait', Seconds: 1, Timestamp: 't', End: true };
    void a;
  });
});

describe('choice rules', () => {
  it('requires Next on top-level rules and forbids it on nested ones', () => {
    // @ts-expect-error a top-level rule needs Next
    const a: JsonPathChoiceRule = { Variable: '$.x', IsNull: true };
    // @ts-expect-error nested rules do not transition
    const b: JsonPathNestedChoiceRule = { Variable: '$.x', IsNull: true, Next: 'A' };
    const c: JsonPathChoiceRule = { And: [{ Variable: '$.x', IsPresent: true }], Next: 'A' };
    void [a, b, c];
  });

  it('takes exactly one operator with the right operand type', () => {
    // @ts-expect-error NumericEquals takes a number
    const a: JsonPathChoiceRule = { Variable: '$.x', NumericEquals: '1', Next: 'A' };
    // @ts-expect-error two operators
    const b: JsonPathChoiceRule = { Variable: '$.x', IsNull: true, IsString: true, Next: 'A' };
    expectTypeOf<OperandOf<'NumericEqualsPath'>>().toEqualTypeOf<string>();
    expectTypeOf<OperandOf<'TimestampEquals'>>().toEqualTypeOf<string>();
    void [a, b];
  });

  it('uses Condition in JSONata rules, which do not take JSONPath operators', () => {
    // @ts-expect-error Variable is JSONPath only
    const a: JsonataChoiceRule = { Condition: '{% true %}', Variable: '$', Next: 'A' };
    expectTypeOf<JsonataChoiceRule>().toExtend<ChoiceRule>();
    void a;
  });
});

describe('mixing query languages', () => {
  it('lets a JSONPath machine opt single states into JSONata', () => {
    const def: StateMachineDefinition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% 1 %}', Next: 'B' },
        B: { Type: 'Pass', InputPath: '$', End: true },
      },
    };
    void def;
  });

  it('requires the opt-in: a JSONata state in a JSONPath machine must set QueryLanguage', () => {
    expectTypeOf<JsonataPassState & { QueryLanguage: 'JSONata' }>().toExtend<StateIn<'JSONPath'>>();
    // @ts-expect-error a JSONPath state cannot opt into JSONata while keeping InputPath
    const a: StateIn<'JSONPath'> = { Type: 'Pass', QueryLanguage: 'JSONata', InputPath: '$', End: true };
    const b: StateIn<'JSONPath'> = { Type: 'Pass', QueryLanguage: 'JSONata', Output: 1, End: true };
    void [a, b];
  });

  it('never lets a JSONata machine switch back to JSONPath', () => {
    const def: JsonataStateMachine = {
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      // @ts-expect-error JSONPath state inside a JSONata machine
      States: { A: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } },
    };
    expectTypeOf<StateIn<'JSONata'>>().toEqualTypeOf<JsonataState<'JSONata'>>();
    void def;
  });
});

describe('supporting types', () => {
  it('models retriers, processor modes and error names', () => {
    // @ts-expect-error JitterStrategy is FULL or NONE
    const a: Retrier = { ErrorEquals: ['States.ALL'], JitterStrategy: 'SOME' };
    // @ts-expect-error DISTRIBUTED needs an ExecutionType
    const b: ProcessorConfig = { Mode: 'DISTRIBUTED' };
    expectTypeOf<'States.Timeout'>().toExtend<PredefinedErrorName>();
    void [a, b];
  });
});
