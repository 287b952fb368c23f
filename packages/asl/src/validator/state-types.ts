import { STATE_TYPES, type StateType } from '../types';

/** What each state type may do, as far as transitions and error handling are concerned. */
export function isStateType(value: unknown): value is StateType {
  return typeof value === 'string' && (STATE_TYPES as readonly string[]).includes(value);
}

/** Types that end the machine by themselves; they have neither Next nor End. */
export const TERMINAL_TYPES: readonly StateType[] = ['Succeed', 'Fail'];

/** Types that must say where to go next: a Next, or End: true. */
export const TRANSITIONING_TYPES: readonly StateType[] = ['Task', 'Pass', 'Wait', 'Parallel', 'Map'];

/** Types that may have Retry and Catch. */
export const ERROR_HANDLING_TYPES: readonly StateType[] = ['Task', 'Parallel', 'Map'];
