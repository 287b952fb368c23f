import type { WorkflowSchemas } from '../compile/workflow';
import { check, isStandardSchema } from './standard-schema';

/**
 * What a runtime tells a task handler about the call. It has the shape of
 * `@stepwise/runtime`'s TaskContext, so handlers written against either fit
 * the other, without this package depending on the runtime.
 */
export interface HandlerContext {
  /** The Task state's `Resource`. */
  readonly resource: string;
  readonly stateName: string;
  readonly executionArn: string;
  readonly taskToken: string;
  /** 0 for the first attempt, then 1, 2... for each retry. */
  readonly attempt: number;
  readonly signal: AbortSignal;
  heartbeat(): void;
  readonly contextObject: Readonly<Record<string, unknown>>;
}

/** A task handler as a runtime calls it: the effective input and the call's context; returns the result. */
export type Handler = (input: unknown, context: HandlerContext) => unknown;

/** Anything that offers its schemas: a workflow. */
export interface HasSchemas {
  readonly schemas: WorkflowSchemas<unknown>;
}

/**
 * Wraps task handlers so that every call is checked against the schemas of
 * the state it serves: the input before the handler runs, the result after.
 * A mismatch fails the state with `Stepwise.SchemaValidationFailed`, which
 * Retry and Catch match like any error name; the cause lists each issue with
 * its path. States without schemas are passed through unchecked.
 */
export function withSchemaChecks(
  workflow: HasSchemas,
  handlers: Readonly<Record<string, Handler>>,
): Record<string, Handler> {
  const states = workflow.schemas.states;
  const wrapped: Record<string, Handler> = {};
  for (const [resource, handler] of Object.entries(handlers)) {
    wrapped[resource] = async (input, context) => {
      const schemas = states[context.stateName];
      const task = `task "${context.stateName}"`;
      // Checked, not replaced: the handler and the states after it see the data as it is.
      if (isStandardSchema(schemas?.input)) await check(schemas.input, input, `The input of ${task}`);
      const result = await handler(input, context);
      if (isStandardSchema(schemas?.result)) await check(schemas.result, result, `The result of ${task}`);
      return result;
    };
  }
  return wrapped;
}
