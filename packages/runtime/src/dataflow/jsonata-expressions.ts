import { compileJsonataTemplate, JsonataEvaluationError } from '@stepwise/asl';
import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import type { JsonataScope } from './scope';

/** A compiled JSONata-language field: a `{% %}` string, or a JSON value holding some. */
export type JsonataEvaluator = (scope: JsonataScope) => Promise<unknown>;

export function compileJsonata(value: unknown, field: string): JsonataEvaluator {
  const compiled = compileJsonataTemplate(value, { field });
  return async (scope) => {
    try {
      return await compiled.evaluate(
        {
          states: {
            input: scope.input,
            context: scope.context,
            result: scope.result,
            errorOutput: scope.errorOutput,
          },
          variables: scope.variables,
        },
        scope.env ? { random: scope.env.random, uuid: scope.env.uuid, now: scope.env.now } : {},
      );
    } catch (error) {
      if (error instanceof JsonataEvaluationError) {
        fail(ErrorNames.queryEvaluationError, error.message, { evaluation: true, prefixed: true });
      }
      throw error;
    }
  };
}
