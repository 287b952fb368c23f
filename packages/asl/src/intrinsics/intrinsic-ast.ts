import type { JsonPath } from '../path';

export const INTRINSIC_FUNCTION_NAMES = [
  'States.Format',
  'States.StringToJson',
  'States.JsonToString',
  'States.Array',
  'States.ArrayPartition',
  'States.ArrayContains',
  'States.ArrayRange',
  'States.ArrayGetItem',
  'States.ArrayLength',
  'States.ArrayUnique',
  'States.Base64Encode',
  'States.Base64Decode',
  'States.Hash',
  'States.JsonMerge',
  'States.MathRandom',
  'States.MathAdd',
  'States.StringSplit',
  'States.UUID',
] as const;

export type IntrinsicFunctionName = (typeof INTRINSIC_FUNCTION_NAMES)[number];

export interface IntrinsicStringLiteral {
  readonly kind: 'string';
  readonly value: string;
  /**
   * Offsets in `value` of braces that were written escaped (`\{`, `\}`); States.Format treats
   * those as text, never as a placeholder.
   */
  readonly escapedBraces: readonly number[];
}

export interface IntrinsicNumberLiteral {
  readonly kind: 'number';
  readonly value: number;
}

export interface IntrinsicBooleanLiteral {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface IntrinsicNullLiteral {
  readonly kind: 'null';
  readonly value: null;
}

export interface IntrinsicPathArgument {
  readonly kind: 'path';
  /** The path exactly as written, e.g. `$.a.b`, `$$.Execution.Id` or `$var.field`. */
  readonly source: string;
  readonly path: JsonPath;
}

export interface IntrinsicCall {
  readonly kind: 'call';
  readonly name: IntrinsicFunctionName;
  readonly args: readonly IntrinsicArgument[];
  /** Offset of the call's name in the whole source text. */
  readonly position: number;
}

export type IntrinsicLiteral =
  | IntrinsicStringLiteral
  | IntrinsicNumberLiteral
  | IntrinsicBooleanLiteral
  | IntrinsicNullLiteral;

export type IntrinsicArgument = IntrinsicLiteral | IntrinsicPathArgument | IntrinsicCall;

/** Sources of randomness, injectable so that runs can be reproduced. */
export interface IntrinsicEnvironmentOptions {
  /** A number in [0, 1), like `Math.random`. */
  readonly random?: () => number;
  /** A version 4 UUID string. */
  readonly uuid?: () => string;
}

export interface IntrinsicEnvironment extends IntrinsicEnvironmentOptions {
  /** Resolves a path argument against the state's input, the context object or the variables. */
  resolvePath(path: JsonPath, source: string): unknown;
}
