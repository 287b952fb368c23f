import { compilePayloadTemplate, IntrinsicFailureError, PayloadPathNotFoundError } from '@stepwise/asl';
import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import type { EvaluationEnv, PathScope } from './scope';

/** A compiled Parameters / ResultSelector / ItemSelector / Assign template. */
export type TemplateEvaluator = (scope: PathScope, env: EvaluationEnv) => unknown;

export function compileTemplate(template: unknown, field: string): TemplateEvaluator {
  const compiled = compilePayloadTemplate(template, { field });
  return (scope, env) => {
    try {
      return compiled.evaluate(scope, env);
    } catch (error) {
      if (error instanceof PayloadPathNotFoundError)
        fail(ErrorNames.runtime, error.message, { prefixed: true });
      if (error instanceof IntrinsicFailureError) {
        fail(ErrorNames.intrinsicFailure, error.message, { prefixed: true });
      }
      throw error;
    }
  };
}
