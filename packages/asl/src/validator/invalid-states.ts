import type { InvalidDefinition } from './invalid-definitions';
import { entry, jsonata, machine, oneState, pass, task } from './invalid-fixtures';

const choice = (rules: unknown[]) =>
  machine({ C: { Type: 'Choice', Choices: rules, Default: 'B' }, B: pass() });

/** Mistakes within states: choice rules, retriers and catchers, Wait, Map, query languages. */
export const STATE_MISTAKES: InvalidDefinition[] = [
  entry(
    'choice rule without comparison',
    'CHOICE_RULE_WITHOUT_COMPARISON',
    '/States/C/Choices/0',
    choice([{ Variable: '$.x', Next: 'B' }]),
  ),
  entry('JSONata choice rule without Condition', 'CHOICE_RULE_WITHOUT_COMPARISON', '/States/C/Choices/0', {
    ...choice([{ Next: 'B' }]),
    QueryLanguage: 'JSONata',
  }),
  entry(
    'choice rule with two comparisons',
    'CHOICE_RULE_MULTIPLE_COMPARISONS',
    '/States/C/Choices/0',
    choice([{ Variable: '$.x', NumericEquals: 1, NumericGreaterThan: 0, Next: 'B' }]),
  ),
  entry(
    'choice rule with a comparison and And',
    'CHOICE_RULE_MULTIPLE_COMPARISONS',
    '/States/C/Choices/0',
    choice([{ Variable: '$.x', IsNull: true, And: [{ Variable: '$.y', IsNull: true }], Next: 'B' }]),
  ),
  entry(
    'nested rule with Next',
    'NESTED_CHOICE_RULE_WITH_NEXT',
    '/States/C/Choices/0/And/1/Next',
    choice([
      {
        And: [
          { Variable: '$.x', IsPresent: true },
          { Variable: '$.y', IsPresent: true, Next: 'B' },
        ],
        Next: 'B',
      },
    ]),
  ),
  entry(
    'rule under Not with Next',
    'NESTED_CHOICE_RULE_WITH_NEXT',
    '/States/C/Choices/0/Not/Next',
    choice([{ Not: { Variable: '$.x', IsPresent: true, Next: 'B' }, Next: 'B' }]),
  ),
  entry(
    'top-level rule without Next',
    'CHOICE_RULE_WITHOUT_NEXT',
    '/States/C/Choices/0',
    choice([{ Variable: '$.x', IsNull: true }]),
  ),
  entry(
    'StringMatches ending in a lone backslash',
    'INVALID_STRING_MATCHES_PATTERN',
    '/States/C/Choices/0/StringMatches',
    choice([{ Variable: '$.x', StringMatches: 'log-*\\', Next: 'B' }]),
  ),
  entry(
    'timestamp comparison with a date only',
    'INVALID_TIMESTAMP',
    '/States/C/Choices/0/TimestampEquals',
    choice([{ Variable: '$.t', TimestampEquals: '2016-03-14', Next: 'B' }]),
  ),
  entry(
    'timestamp with a lower-case t',
    'INVALID_TIMESTAMP',
    '/States/C/Choices/0/TimestampLessThan',
    choice([{ Variable: '$.t', TimestampLessThan: '2016-03-14t01:59:00Z', Next: 'B' }]),
  ),
  entry(
    'Wait Timestamp with an impossible date',
    'INVALID_TIMESTAMP',
    '/States/W/Timestamp',
    machine({
      W: { Type: 'Wait', Timestamp: '2016-02-30T00:00:00Z', End: true },
    }),
  ),
  entry(
    'empty ErrorEquals',
    'INVALID_ERROR_NAME',
    '/States/S/Retry/0/ErrorEquals',
    oneState(task({ Retry: [{ ErrorEquals: [] }] })),
  ),
  entry(
    'States.ALL with other names',
    'INVALID_ERROR_NAME',
    '/States/S/Retry/0/ErrorEquals/1',
    oneState(
      task({
        Retry: [{ ErrorEquals: ['States.Timeout', 'States.ALL'] }],
      }),
    ),
  ),
  entry(
    'States.ALL in a catcher that is not last',
    'INVALID_ERROR_NAME',
    '/States/S/Catch/0/ErrorEquals/0',
    machine({
      S: task({
        Catch: [
          { ErrorEquals: ['States.ALL'], Next: 'F' },
          { ErrorEquals: ['States.Timeout'], Next: 'F' },
        ],
      }),
      F: pass(),
    }),
  ),
  entry(
    'BackoffRate below 1',
    'INVALID_RETRY_FIELD',
    '/States/S/Retry/0/BackoffRate',
    oneState(task({ Retry: [{ ErrorEquals: ['E'], BackoffRate: 0.5 }] })),
  ),
  entry(
    'negative MaxAttempts',
    'INVALID_RETRY_FIELD',
    '/States/S/Retry/0/MaxAttempts',
    oneState(task({ Retry: [{ ErrorEquals: ['E'], MaxAttempts: -1 }] })),
  ),
  entry(
    'IntervalSeconds of zero',
    'INVALID_RETRY_FIELD',
    '/States/S/Retry/0/IntervalSeconds',
    oneState(task({ Retry: [{ ErrorEquals: ['E'], IntervalSeconds: 0 }] })),
  ),
  entry(
    'fractional IntervalSeconds',
    'INVALID_RETRY_FIELD',
    '/States/S/Retry/0/IntervalSeconds',
    oneState(task({ Retry: [{ ErrorEquals: ['E'], IntervalSeconds: 1.5 }] })),
  ),
  entry(
    'unknown JitterStrategy',
    'INVALID_RETRY_FIELD',
    '/States/S/Retry/0/JitterStrategy',
    oneState(task({ Retry: [{ ErrorEquals: ['E'], JitterStrategy: 'HALF' }] })),
  ),
  entry(
    'Wait with Seconds and Timestamp',
    'WAIT_MULTIPLE_DURATIONS',
    '/States/W',
    machine({
      W: { Type: 'Wait', Seconds: 1, Timestamp: '2016-03-14T01:59:00Z', End: true },
    }),
  ),
  entry(
    'Wait without any duration',
    'WAIT_MULTIPLE_DURATIONS',
    '/States/W',
    machine({ W: { Type: 'Wait', End: true } }),
  ),
  entry(
    'TimeoutSeconds and TimeoutSecondsPath',
    'MUTUALLY_EXCLUSIVE_FIELDS',
    '/States/S/TimeoutSecondsPath',
    oneState(task({ TimeoutSeconds: 5, TimeoutSecondsPath: '$.t' })),
  ),
  entry(
    'Fail with Error and ErrorPath',
    'MUTUALLY_EXCLUSIVE_FIELDS',
    '/States/F/ErrorPath',
    machine({ F: { Type: 'Fail', Error: 'E', ErrorPath: '$.e' } }),
  ),
  entry(
    'MaxConcurrency and MaxConcurrencyPath',
    'MUTUALLY_EXCLUSIVE_FIELDS',
    '/States/M/MaxConcurrencyPath',
    machine({
      M: {
        Type: 'Map',
        MaxConcurrency: 2,
        MaxConcurrencyPath: '$.n',
        ItemProcessor: machine({ I: pass() }),
        End: true,
      },
    }),
  ),
  entry(
    'Map with ItemProcessor and Iterator',
    'MAP_PROCESSOR_CONFLICT',
    '/States/M',
    machine({
      M: { Type: 'Map', ItemProcessor: machine({ I: pass() }), Iterator: machine({ J: pass() }), End: true },
    }),
  ),
  entry(
    'Map without a processor',
    'MAP_PROCESSOR_CONFLICT',
    '/States/M',
    machine({ M: { Type: 'Map', End: true } }),
  ),
  entry(
    'Output on a JSONPath state',
    'FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE',
    '/States/S/Output',
    oneState(pass({ Output: { a: 1 } })),
  ),
  entry(
    'Parameters on a JSONata state',
    'FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE',
    '/States/S/Parameters',
    jsonata({ S: pass({ Parameters: { a: 1 } }) }),
  ),
  entry(
    'InputPath on a JSONata state',
    'FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE',
    '/States/S/InputPath',
    jsonata({ S: pass({ InputPath: '$.a' }) }),
  ),
  entry(
    'Variable in a JSONata choice rule',
    'FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE',
    '/States/C/Choices/0/Variable',
    {
      ...choice([{ Variable: '$.x', IsNull: true, Next: 'B' }]),
      QueryLanguage: 'JSONata',
    },
  ),
  entry(
    'ResultPath in a JSONata catcher',
    'FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE',
    '/States/S/Catch/0/ResultPath',
    jsonata({
      S: task({ Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'F' }] }),
      F: pass(),
    }),
  ),
  entry(
    'JSONPath state in a JSONata machine',
    'INVALID_QUERY_LANGUAGE_SWITCH',
    '/States/S/QueryLanguage',
    jsonata({ S: pass({ QueryLanguage: 'JSONPath' }) }),
  ),
  entry(
    'nested JSONPath state in a JSONata machine',
    'INVALID_QUERY_LANGUAGE_SWITCH',
    '/States/P/Branches/0/States/X/QueryLanguage',
    jsonata({
      P: { Type: 'Parallel', Branches: [machine({ X: pass({ QueryLanguage: 'JSONPath' }) })], End: true },
    }),
  ),
];
