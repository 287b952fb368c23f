import type { InvalidDefinition } from './invalid-definitions';
import { entry, machine, oneState, pass } from './invalid-fixtures';

/** Mistakes in the shape of the machine: fields, names, transitions, reachability. */
export const STRUCTURE_MISTAKES: InvalidDefinition[] = [
  entry('definition is not an object', 'SCHEMA_VALIDATION_FAILED', '', ['StartAt']),
  entry('StartAt missing', 'SCHEMA_VALIDATION_FAILED', '', { States: { A: pass() } }),
  entry('States empty', 'SCHEMA_VALIDATION_FAILED', '/States', { StartAt: 'A', States: {} }),
  entry(
    'unknown state type',
    'SCHEMA_VALIDATION_FAILED',
    '/States/S/Type',
    oneState({ Type: 'Sleep', End: true }),
  ),
  entry(
    'unknown field on a state',
    'SCHEMA_VALIDATION_FAILED',
    '/States/S/Timeout',
    oneState(pass({ Timeout: 3 })),
  ),
  entry(
    'Task without Resource',
    'SCHEMA_VALIDATION_FAILED',
    '/States/S',
    oneState({ Type: 'Task', End: true }),
  ),
  entry(
    'TimeoutSeconds on a Map state',
    'SCHEMA_VALIDATION_FAILED',
    '/States/M/TimeoutSeconds',
    machine({
      M: { Type: 'Map', TimeoutSeconds: 5, ItemProcessor: machine({ I: pass() }), End: true },
    }),
  ),
  entry(
    'Retry on a Pass state',
    'SCHEMA_VALIDATION_FAILED',
    '/States/S/Retry',
    oneState(pass({ Retry: [{ ErrorEquals: ['States.ALL'] }] })),
  ),
  entry('StartAt names no state', 'MISSING_TRANSITION_TARGET', '/StartAt', {
    StartAt: 'Nope',
    States: { A: pass() },
  }),
  entry(
    'Next names no state',
    'MISSING_TRANSITION_TARGET',
    '/States/A/Next',
    machine({ A: { Type: 'Pass', Next: 'Nope' }, B: pass() }),
  ),
  entry(
    'Default names no state',
    'MISSING_TRANSITION_TARGET',
    '/States/C/Default',
    machine({
      C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'B' }], Default: 'Nope' },
      B: pass(),
    }),
  ),
  entry(
    'catcher Next names no state',
    'MISSING_TRANSITION_TARGET',
    '/States/T/Catch/0/Next',
    machine({
      T: {
        Type: 'Task',
        Resource: 'arn:aws:lambda:us-east-1:111111111111:function:f',
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Nope' }],
        End: true,
      },
    }),
  ),
  entry(
    'branch jumps out of itself',
    'MISSING_TRANSITION_TARGET',
    '/States/P/Branches/0/States/X/Next',
    machine({
      P: {
        Type: 'Parallel',
        Branches: [machine({ X: { Type: 'Pass', Next: 'Done' }, Y: pass() })],
        Next: 'Done',
      },
      Done: pass(),
    }),
  ),
  entry(
    'loop without terminal state',
    'MISSING_END_STATE',
    '',
    machine({
      A: { Type: 'Pass', Next: 'B' },
      B: { Type: 'Pass', Next: 'A' },
    }),
  ),
  entry(
    'branch without terminal state',
    'MISSING_END_STATE',
    '/States/P/Branches/0',
    machine({
      P: { Type: 'Parallel', Branches: [machine({ X: { Type: 'Pass', Next: 'X' } })], End: true },
    }),
  ),
  entry(
    'state nothing leads to',
    'UNREACHABLE_STATE',
    '/States/Orphan',
    machine({ A: pass(), Orphan: pass() }),
  ),
  entry(
    'unreachable state in an item processor',
    'UNREACHABLE_STATE',
    '/States/M/ItemProcessor/States/Lost',
    machine({
      M: { Type: 'Map', ItemProcessor: machine({ I: pass(), Lost: pass() }), End: true },
    }),
  ),
  entry(
    'state name reused in a branch',
    'DUPLICATE_STATE_NAME',
    '/States/P/Branches/0/States/P',
    machine({
      P: { Type: 'Parallel', Branches: [machine({ P: pass() })], End: true },
    }),
  ),
  entry(
    'state name reused across branches',
    'DUPLICATE_STATE_NAME',
    '/States/P/Branches/1/States/X',
    machine({
      P: { Type: 'Parallel', Branches: [machine({ X: pass() }), machine({ X: pass() })], End: true },
    }),
  ),
  entry(
    'state name longer than 80 characters',
    'INVALID_STATE_NAME',
    `/States/${'N'.repeat(81)}`,
    machine({ ['N'.repeat(81)]: pass() }),
  ),
  entry(
    'state name with a control character',
    'INVALID_STATE_NAME',
    '/States/Bad\tName',
    machine({ 'Bad\tName': pass() }),
  ),
  entry('empty state name', 'INVALID_STATE_NAME', '/States/', machine({ '': pass() })),
  entry(
    'Next and End together',
    'NEXT_AND_END',
    '/States/A',
    machine({ A: { Type: 'Pass', Next: 'B', End: true }, B: pass() }),
  ),
  entry(
    'Pass with neither Next nor End',
    'MISSING_NEXT_OR_END',
    '/States/A',
    machine({ A: { Type: 'Pass' }, B: { Type: 'Succeed' } }),
  ),
  entry(
    'End: false without Next',
    'MISSING_NEXT_OR_END',
    '/States/A',
    machine({ A: { Type: 'Wait', Seconds: 1, End: false }, B: { Type: 'Succeed' } }),
  ),
  entry(
    'Next on a Succeed state',
    'SCHEMA_VALIDATION_FAILED',
    '/States/A/Next',
    machine({ A: { Type: 'Succeed', Next: 'B' }, B: pass() }),
  ),
];
