export { evaluateIntrinsic } from './evaluate-intrinsic';
export { MAX_ARRAY_RANGE_LENGTH } from './functions/array-functions';
export { MAX_ENCODING_INPUT_LENGTH } from './functions/encoding-functions';
export { HASH_ALGORITHMS } from './functions/hash-text';
export { seededRandom } from './functions/seeded-random';
export {
  INTRINSIC_FUNCTION_NAMES,
  type IntrinsicArgument,
  type IntrinsicBooleanLiteral,
  type IntrinsicCall,
  type IntrinsicEnvironment,
  type IntrinsicEnvironmentOptions,
  type IntrinsicFunctionName,
  type IntrinsicLiteral,
  type IntrinsicNullLiteral,
  type IntrinsicNumberLiteral,
  type IntrinsicPathArgument,
  type IntrinsicStringLiteral,
} from './intrinsic-ast';
export { IntrinsicFailureError, InvalidIntrinsicError } from './intrinsic-errors';
export {
  INTRINSIC_SIGNATURES,
  type IntrinsicSignature,
  type IntrinsicValueType,
} from './intrinsic-signatures';
export {
  type IntrinsicParseResult,
  isIntrinsicCall,
  MAX_INTRINSIC_NESTING,
  parseIntrinsic,
  tryParseIntrinsic,
} from './parse-intrinsic';
