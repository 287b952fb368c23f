import type { DiagnosticCode } from './diagnostic-codes';

/** Builders for the invalid-definition table: a valid frame around the one mistake under test. */
export type States = Record<string, unknown>;

export const pass = (extra: Record<string, unknown> = {}) => ({ Type: 'Pass', End: true, ...extra });
export const task = (extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:lambda:us-east-1:111111111111:function:f',
  End: true,
  ...extra,
});

/** A machine starting at its first state. */
export const machine = (states: States, extra: Record<string, unknown> = {}) => ({
  StartAt: Object.keys(states)[0],
  States: states,
  ...extra,
});

export const jsonata = (states: States) => machine(states, { QueryLanguage: 'JSONata' });

export const oneState = (state: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  machine({ S: state }, extra);

export const entry = (name: string, code: DiagnosticCode, location: string, definition: unknown) => ({
  name,
  code,
  location,
  definition,
});
