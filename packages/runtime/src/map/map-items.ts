import { jsonataBody } from '@stepwise/asl';
import { compileJsonata, type JsonataEvaluator } from '../dataflow/jsonata-expressions';
import { jsonataScope } from '../dataflow/jsonata-io';
import { compileRequiredPath } from '../dataflow/jsonpath-expressions';
import { pathScope } from '../dataflow/jsonpath-io';
import { compileTemplate, type TemplateEvaluator } from '../dataflow/payload-template';
import type { Frame } from '../engine/run-context';
import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import type { QueryLanguage, RawState } from '../plan/compiled-state';
import { has, stringField } from '../plan/raw-fields';

/** Evaluates the array a Map iterates over (before any ItemReader). */
export type ItemsReader = (frame: Frame, input: unknown, context: unknown) => unknown[] | Promise<unknown[]>;

export function compileItems(raw: RawState, ql: QueryLanguage): ItemsReader {
  if (ql === 'JSONata') {
    const items: JsonataEvaluator | undefined = has(raw, 'Items')
      ? compileJsonata(raw.Items, 'Items')
      : undefined;
    const source = typeof raw.Items === 'string' ? jsonataBody(raw.Items) : JSON.stringify(raw.Items);
    return async (frame, input, context) => {
      if (!items) return requireArray(input, ErrorNames.queryEvaluationError, true);
      const value = await items(jsonataScope(frame, input, context));
      if (Array.isArray(value)) return value;
      if (
        typeof value === 'function' ||
        (value !== null && typeof value === 'object' && !isPlainJson(value))
      ) {
        fail(
          ErrorNames.queryEvaluationError,
          `The JSONata expression '${source}' specified for the field 'Items' returned an unsupported result type.`,
          { evaluation: true, prefixed: true },
        );
      }
      return fail(
        ErrorNames.queryEvaluationError,
        `The JSONata expression '${source}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${typeName(value)}' for value: ${JSON.stringify(value)}`,
        { evaluation: true, prefixed: true },
      );
    };
  }
  const source = stringField(raw, 'ItemsPath');
  const read = source && source !== '$' ? compileRequiredPath(source) : undefined;
  return (frame, input, context) => {
    const value = read ? read(pathScope(frame, input, context)) : input;
    return requireArray(value, ErrorNames.runtime, false);
  };
}

function requireArray(value: unknown, error: string, evaluation: boolean): unknown[] {
  if (Array.isArray(value)) return value;
  return fail(error, `Map state input must be an array but was: ${JSON.stringify(value)}`, {
    evaluation,
    prefixed: true,
  });
}

function isPlainJson(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Builds one iteration's input from ItemSelector (or the legacy Parameters). */
export type ItemSelector = (frame: Frame, mapInput: unknown, context: unknown) => unknown | Promise<unknown>;

export function compileItemSelector(raw: RawState, ql: QueryLanguage): ItemSelector | undefined {
  const field = has(raw, 'ItemSelector') ? 'ItemSelector' : has(raw, 'Parameters') ? 'Parameters' : undefined;
  if (field === undefined) return undefined;
  if (ql === 'JSONata') {
    const selector = compileJsonata(raw[field], field);
    return (frame, mapInput, context) => selector(jsonataScope(frame, mapInput, context));
  }
  const template: TemplateEvaluator = compileTemplate(raw[field], field);
  return (frame, mapInput, context) => template(pathScope(frame, mapInput, context), frame.run.env);
}
