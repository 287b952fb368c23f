export type {
  DescendantSegment,
  FilterComparisonOperator,
  FilterExpression,
  FilterLiteral,
  FilterOperand,
  FilterSelector,
  IndexSelector,
  JsonPath,
  PathRoot,
  PathSegment,
  PathSelector,
  PropertySelector,
  SliceSelector,
  UnionSelector,
  WildcardSelector,
} from './ast';
export type { CompiledPath, PathResult, PathScope } from './compile-path';
export { compilePath, PATH_NOT_FOUND } from './compile-path';
export { formatPath } from './format-path';
export type { TryParsePathResult } from './parse-path';
export { parsePath, tryParsePath } from './parse-path';
export { InvalidPathError, PathTooCostlyError, ResultPathMatchError } from './path-errors';
export { isDefinitePath, isReferencePath } from './path-kinds';
export { setAtPath } from './set-at-path';
