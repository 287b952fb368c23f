import type { InvalidDefinition } from './invalid-definitions';
import { entry, jsonata, machine, oneState, pass, task } from './invalid-fixtures';

/** Mistakes in paths, intrinsic calls, JSONata expressions and payload templates. */
export const EXPRESSION_MISTAKES: InvalidDefinition[] = [
  entry(
    'InputPath without "$"',
    'INVALID_JSONPATH',
    '/States/S/InputPath',
    oneState(pass({ InputPath: 'input.a' })),
  ),
  entry(
    'OutputPath with an unclosed bracket',
    'INVALID_JSONPATH',
    '/States/S/OutputPath',
    oneState(pass({ OutputPath: '$.a[0' })),
  ),
  entry(
    'Parameters path with an empty name',
    'INVALID_JSONPATH',
    '/States/S/Parameters/x.$',
    oneState(pass({ Parameters: { 'x.$': '$.a..' } })),
  ),
  entry(
    'choice Variable that is not a path',
    'INVALID_JSONPATH',
    '/States/C/Choices/0/Variable',
    machine({
      C: { Type: 'Choice', Choices: [{ Variable: 'x', IsNull: true, Next: 'B' }], Default: 'B' },
      B: pass(),
    }),
  ),
  entry(
    'ResultPath with a wildcard',
    'INVALID_REFERENCE_PATH',
    '/States/S/ResultPath',
    oneState(pass({ ResultPath: '$.items[*]' })),
  ),
  entry(
    'ItemsPath with a descendant segment',
    'INVALID_REFERENCE_PATH',
    '/States/M/ItemsPath',
    machine({
      M: { Type: 'Map', ItemsPath: '$..items', ItemProcessor: machine({ I: pass() }), End: true },
    }),
  ),
  entry(
    'catcher ResultPath with a filter',
    'INVALID_REFERENCE_PATH',
    '/States/S/Catch/0/ResultPath',
    machine({
      S: task({ Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.a[?(@.b)]', Next: 'F' }] }),
      F: pass(),
    }),
  ),
  entry(
    'SecondsPath with a slice',
    'INVALID_REFERENCE_PATH',
    '/States/W/SecondsPath',
    machine({ W: { Type: 'Wait', SecondsPath: '$.a[0:2]', End: true } }),
  ),
  entry(
    'unknown intrinsic function',
    'INVALID_INTRINSIC',
    '/States/S/Parameters/x.$',
    oneState(pass({ Parameters: { 'x.$': 'States.Concat($.a)' } })),
  ),
  entry(
    'intrinsic call left open',
    'INVALID_INTRINSIC',
    '/States/S/Parameters/x.$',
    oneState(pass({ Parameters: { 'x.$': "States.Format('{}', $.a" } })),
  ),
  entry(
    'intrinsic in ResultSelector with a wrong argument count',
    'INVALID_INTRINSIC',
    '/States/S/ResultSelector/x.$',
    oneState(
      task({
        ResultSelector: { 'x.$': 'States.MathAdd(1)' },
      }),
    ),
  ),
  entry(
    'Fail CausePath with a broken intrinsic',
    'INVALID_INTRINSIC',
    '/States/F/CausePath',
    machine({ F: { Type: 'Fail', CausePath: 'States.Format(' } }),
  ),
  entry(
    'JSONata syntax error in Output',
    'INVALID_JSONATA',
    '/States/S/Output',
    jsonata({ S: pass({ Output: '{% $states.input. %}' }) }),
  ),
  entry(
    'JSONata expression not closed',
    'INVALID_JSONATA',
    '/States/S/Output/a',
    jsonata({ S: pass({ Output: { a: '{% $states.input' } }) }),
  ),
  entry(
    'JSONata syntax error in Arguments',
    'INVALID_JSONATA',
    '/States/S/Arguments/x/0',
    jsonata({ S: task({ Arguments: { x: ['{% 1 + %}'] } }) }),
  ),
  entry(
    'JSONata Condition that does not parse',
    'INVALID_JSONATA',
    '/States/C/Choices/0/Condition',
    jsonata({
      C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.x = %}', Next: 'B' }], Default: 'B' },
      B: pass(),
    }),
  ),
  entry(
    'JSONata reaching for __proto__',
    'INVALID_JSONATA',
    '/States/S/Output',
    jsonata({ S: pass({ Output: '{% $states.input.__proto__ %}' }) }),
  ),
  entry(
    'empty JSONata expression in Assign',
    'INVALID_JSONATA',
    '/States/S/Assign/v',
    jsonata({ S: pass({ Assign: { v: '{%  %}' } }) }),
  ),
  entry(
    '".$" key holding a number',
    'INVALID_PAYLOAD_TEMPLATE',
    '/States/S/Parameters/count.$',
    oneState(pass({ Parameters: { 'count.$': 3 } })),
  ),
  entry(
    '".$" key holding plain text',
    'INVALID_PAYLOAD_TEMPLATE',
    '/States/S/Parameters/name.$',
    oneState(pass({ Parameters: { 'name.$': 'hello' } })),
  ),
  entry(
    'field with and without ".$"',
    'INVALID_PAYLOAD_TEMPLATE',
    '/States/S/Parameters/a.$',
    oneState(pass({ Parameters: { a: 1, 'a.$': '$.a' } })),
  ),
  entry(
    '".$" key in a nested ItemSelector object',
    'INVALID_PAYLOAD_TEMPLATE',
    '/States/M/ItemSelector/inner/v.$',
    machine({
      M: {
        Type: 'Map',
        ItemSelector: { inner: { 'v.$': true } },
        ItemProcessor: machine({ I: pass() }),
        End: true,
      },
    }),
  ),
  entry(
    'path value without ".$" (warning)',
    'NO_DOLLAR',
    '/States/S/Parameters/a',
    oneState(pass({ Parameters: { a: '$.input' } })),
  ),
  entry(
    '".$" key in a Pass Result (warning)',
    'PASS_RESULT_IS_STATIC',
    '/States/S/Result/a.$',
    oneState(pass({ Result: { 'a.$': '$.x' } })),
  ),
];
