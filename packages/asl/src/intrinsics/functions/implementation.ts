import type { IntrinsicCall, IntrinsicEnvironment, IntrinsicFunctionName } from '../intrinsic-ast';
import { IntrinsicFailureError } from '../intrinsic-errors';

export interface IntrinsicInvocation {
  readonly call: IntrinsicCall;
  readonly env: IntrinsicEnvironment;
}

/** Computes one function's result from its already evaluated arguments. */
export type IntrinsicImplementation = (args: readonly unknown[], invocation: IntrinsicInvocation) => unknown;

export type IntrinsicFamily = Partial<Record<IntrinsicFunctionName, IntrinsicImplementation>>;

/** Type names as AWS's messages spell them. */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function argumentFailure(
  name: string,
  index: number,
  expected: string,
  value: unknown,
): IntrinsicFailureError {
  return new IntrinsicFailureError(
    name,
    `Invalid arguments in ${name}: argument ${index + 1} must be ${expected} but was ${jsonTypeName(value)}: ${JSON.stringify(value) ?? 'undefined'}`,
  );
}

export function stringArg(name: string, args: readonly unknown[], index: number): string {
  const value = args[index];
  if (typeof value !== 'string') throw argumentFailure(name, index, 'a string', value);
  return value;
}

export function arrayArg(name: string, args: readonly unknown[], index: number): readonly unknown[] {
  const value = args[index];
  if (!Array.isArray(value)) throw argumentFailure(name, index, 'an array', value);
  return value;
}

export function objectArg(name: string, args: readonly unknown[], index: number): Record<string, unknown> {
  const value = args[index];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw argumentFailure(name, index, 'an object', value);
  }
  return value as Record<string, unknown>;
}

export function numberArg(name: string, args: readonly unknown[], index: number): number {
  const value = args[index];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw argumentFailure(name, index, 'a number', value);
  return value;
}

export function integerArg(name: string, args: readonly unknown[], index: number): number {
  const value = args[index];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw argumentFailure(name, index, 'an integer', value);
  }
  return value;
}

export function booleanArg(name: string, args: readonly unknown[], index: number): boolean {
  const value = args[index];
  if (typeof value !== 'boolean') throw argumentFailure(name, index, 'a boolean', value);
  return value;
}

/** Java's `Math.round`: halves go towards positive infinity, and there is no negative zero. */
export function roundHalfUp(value: number): number {
  const rounded = Math.floor(value + 0.5);
  return rounded === 0 ? 0 : rounded;
}
