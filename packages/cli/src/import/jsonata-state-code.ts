import { catchEntry, retryEntry } from './error-handling-code';
import { call, numberEntry, onlyFields, optionalString } from './field-entries';
import { isExpression, jsonataFieldEntry } from './jsonata-code';
import type { Entry, Fields, StateCodeContext } from './state-code-context';
import { tsString } from './ts-literal';

/**
 * JSONata Pass, Wait and Task states, typed: `arguments`, `output` and
 * `assign` as expressions (`jsonata('{% ... %}')`) or values built with
 * `jsonataValue`, which the builder writes back exactly as given.
 */
export function jsonataStateCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  const use = context.use;
  const shared: Array<readonly [string, Entry]> = [
    ['comment', optionalString(state.Comment)],
    ['output', jsonataFieldEntry(state.Output, use)],
    ['assign', jsonataFieldEntry(state.Assign, use)],
  ];
  const common = ['Comment', 'Output', 'Assign', 'QueryLanguage'];
  switch (state.Type) {
    case 'Pass':
      return onlyFields(state, common) ? call('pass', name, shared, context) : undefined;
    case 'Wait': {
      // The builder's Wait has no Output.
      if (!onlyFields(state, ['Comment', 'Assign', 'QueryLanguage', 'Seconds', 'Timestamp']))
        return undefined;
      const seconds = numberOrExpression(state.Seconds, 'number', context);
      const timestamp = stringOrExpression(state.Timestamp, context);
      if ((seconds === undefined) === (timestamp === undefined)) return undefined;
      return call('wait', name, [...shared, ['seconds', seconds], ['timestamp', timestamp]], context);
    }
    case 'Task': {
      const own = ['Resource', 'Arguments', 'TimeoutSeconds', 'HeartbeatSeconds', 'Retry', 'Catch'];
      if (!onlyFields(state, [...common, ...own]) || typeof state.Resource !== 'string') return undefined;
      return call(
        'task',
        name,
        [
          ['resource', tsString(state.Resource)],
          ['arguments', jsonataFieldEntry(state.Arguments, use)],
          ['timeoutSeconds', numberOrExpression(state.TimeoutSeconds, 'number', context)],
          ['heartbeatSeconds', numberOrExpression(state.HeartbeatSeconds, 'number', context)],
          ...shared,
          ['retry', retryEntry(state.Retry)],
          ['catch', catchEntry(state.Catch, context, 'JSONata')],
        ],
        context,
      );
    }
    default:
      return undefined;
  }
}

/** A number, or an expression declared to give one: `jsonata<number>('{% ... %}')`. */
function numberOrExpression(value: unknown, type: 'number', context: StateCodeContext): Entry {
  if (typeof value === 'number') return numberEntry(value);
  return expression(value, type, context);
}

/** A literal string, or an expression declared to give one. */
function stringOrExpression(value: unknown, context: StateCodeContext): Entry {
  if (typeof value === 'string' && !value.startsWith('{%')) return tsString(value);
  return expression(value, 'string', context);
}

function expression(value: unknown, type: string, context: StateCodeContext): Entry {
  if (value === undefined) return undefined;
  if (!isExpression(value)) return false;
  context.use('jsonata');
  return `jsonata<${type}>(${tsString(value)})`;
}
