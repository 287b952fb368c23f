import { z } from 'zod';
import type { Workflow } from '../compile/workflow';
import type { IntegrationPattern } from './resources';

/*
 * Nested executions (`states:startExecution`) typed by the child workflow:
 * the request's `Input` is checked against the child's input schema, and the
 * result has the shape AWS returns for each way of waiting.
 */

/** How the parent waits: not at all, for the child's end (`.sync`), or for its output as JSON (`.sync:2`). */
export type ChildMode = 'fire-and-forget' | 'sync' | 'sync:2';

/** What the Task sends: the child's ARN, an optional execution name, and the child's input. */
export interface StartExecutionRequest<ChildInput> {
  readonly StateMachineArn: string;
  readonly Name?: string;
  readonly Input: ChildInput;
}

/** `startExecution` without waiting: the new execution's ARN and start time (epoch milliseconds). */
export interface ExecutionStarted {
  readonly ExecutionArn: string;
  readonly StartDate: number;
}

/** DescribeExecution's shape, which `.sync` and `.sync:2` return once the child succeeds. */
export interface ExecutionFinished<ChildInput, ChildOutput> extends ExecutionStarted {
  readonly Input: ChildInput;
  readonly InputDetails: { readonly Included: boolean };
  readonly Name: string;
  readonly Output: ChildOutput;
  readonly OutputDetails: { readonly Included: boolean };
  readonly RedriveCount: number;
  readonly RedriveStatus: string;
  readonly RedriveStatusReason?: string;
  readonly StateMachineArn: string;
  readonly Status: 'SUCCEEDED';
  readonly StopDate: number;
}

/** The result type of each mode: `.sync` carries the input and output as JSON text. */
export type ChildResult<M extends ChildMode, ChildInput, ChildOutput> = M extends 'fire-and-forget'
  ? ExecutionStarted
  : M extends 'sync'
    ? ExecutionFinished<string, string>
    : ExecutionFinished<ChildInput, ChildOutput>;

/** The Task fields `startExecution` fills in; spread them into `task(name, { ... })`. */
export interface ChildExecutionTask<S extends z.ZodType, Out, M extends ChildMode> {
  readonly resource: string;
  readonly input: z.ZodType<StartExecutionRequest<z.input<S>>, StartExecutionRequest<z.input<S>>>;
  readonly result: z.ZodType<ChildResult<M, z.output<S>, Out>, ChildResult<M, z.output<S>, Out>>;
}

const PATTERNS: Record<ChildMode, IntegrationPattern> = {
  'fire-and-forget': 'request-response',
  sync: 'sync',
  'sync:2': 'sync:2',
};

/** The resource ARN of `states:startExecution` in a pattern. */
export function startExecutionArn(pattern: IntegrationPattern = 'request-response'): string {
  const suffix = pattern === 'request-response' ? '' : `.${pattern}`;
  return `arn:aws:states:::states:startExecution${suffix}`;
}

function resultSchema(mode: ChildMode, childInput: z.ZodType): z.ZodType {
  const started = { ExecutionArn: z.string(), StartDate: z.number() };
  if (mode === 'fire-and-forget') return z.object(started);
  const json = mode === 'sync:2';
  return z.object({
    ...started,
    Input: json ? childInput : z.string(),
    Name: z.string(),
    // The child's output has no schema of its own; its type comes from the child's states.
    Output: json ? z.unknown() : z.string(),
    StateMachineArn: z.string(),
    Status: z.literal('SUCCEEDED'),
    StopDate: z.number(),
  });
}

/**
 * The resource ARN of `states:startExecution` (the original form, kept for
 * hand-written resources), or, given a child workflow, the typed Task fields
 * that start it: `task('Run Child', { ...startExecution(child, { mode: 'sync:2' }),
 * parameters: (s) => ({ StateMachineArn: arn, Input: { id: s.id } }) })`.
 */
export function startExecution(pattern?: IntegrationPattern): string;
export function startExecution<S extends z.ZodType, Out, const M extends ChildMode>(
  child: Workflow<S, Out>,
  options: { readonly mode: M },
): ChildExecutionTask<S, Out, M>;
export function startExecution(
  patternOrChild?: IntegrationPattern | Workflow<z.ZodType, unknown>,
  options?: { readonly mode: ChildMode },
): string | ChildExecutionTask<z.ZodType, unknown, ChildMode> {
  if (patternOrChild === undefined || typeof patternOrChild === 'string')
    return startExecutionArn(patternOrChild);
  const mode = options?.mode ?? 'fire-and-forget';
  const childInput = patternOrChild.options.input;
  return {
    resource: startExecutionArn(PATTERNS[mode]),
    input: z.object({ StateMachineArn: z.string(), Name: z.string().optional(), Input: childInput }) as never,
    result: resultSchema(mode, childInput) as never,
  };
}
