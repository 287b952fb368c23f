import type { IntrinsicFunctionName } from './intrinsic-ast';

/** What a parameter accepts, or what a function returns, as far as it can be known before running. */
export type IntrinsicValueType = 'any' | 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

export interface IntrinsicSignature {
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Type of each parameter; the last entry also covers any further (variadic) arguments. */
  readonly params: readonly IntrinsicValueType[];
  readonly returns: IntrinsicValueType;
}

const sig = (
  minArgs: number,
  maxArgs: number,
  params: readonly IntrinsicValueType[],
  returns: IntrinsicValueType,
): IntrinsicSignature => ({ minArgs, maxArgs, params, returns });

export const INTRINSIC_SIGNATURES: Readonly<Record<IntrinsicFunctionName, IntrinsicSignature>> = {
  'States.Format': sig(1, Number.POSITIVE_INFINITY, ['string', 'any'], 'string'),
  'States.StringToJson': sig(1, 1, ['string'], 'any'),
  'States.JsonToString': sig(1, 1, ['any'], 'string'),
  'States.Array': sig(0, Number.POSITIVE_INFINITY, ['any'], 'array'),
  'States.ArrayPartition': sig(2, 2, ['array', 'integer'], 'array'),
  'States.ArrayContains': sig(2, 2, ['array', 'any'], 'boolean'),
  'States.ArrayRange': sig(3, 3, ['integer', 'integer', 'integer'], 'array'),
  'States.ArrayGetItem': sig(2, 2, ['array', 'integer'], 'any'),
  'States.ArrayLength': sig(1, 1, ['array'], 'integer'),
  'States.ArrayUnique': sig(1, 1, ['array'], 'array'),
  'States.Base64Encode': sig(1, 1, ['string'], 'string'),
  'States.Base64Decode': sig(1, 1, ['string'], 'string'),
  'States.Hash': sig(2, 2, ['string', 'string'], 'string'),
  'States.JsonMerge': sig(3, 3, ['object', 'object', 'boolean'], 'object'),
  'States.MathRandom': sig(2, 3, ['number', 'number', 'integer'], 'integer'),
  'States.MathAdd': sig(2, 2, ['number', 'number'], 'integer'),
  'States.StringSplit': sig(2, 2, ['string', 'string'], 'array'),
  'States.UUID': sig(0, 0, [], 'string'),
};

export function parameterType(signature: IntrinsicSignature, index: number): IntrinsicValueType {
  return signature.params[Math.min(index, signature.params.length - 1)] ?? 'any';
}

/** Whether a value of type `actual` may be passed where `expected` is required. */
export function isAssignable(actual: IntrinsicValueType | 'null', expected: IntrinsicValueType): boolean {
  if (expected === 'any' || actual === 'any' || actual === expected) return true;
  return expected === 'number' && actual === 'integer';
}
