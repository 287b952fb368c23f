/**
 * Typed syntax tree of an ASL JSONPath.
 *
 * The shapes are plain readonly data so that a path can be serialised,
 * compared in tests and walked by other engines (intrinsics, validator).
 */

/** Where evaluation starts: the state's data, the context object or a variable. */
export type PathRoot =
  | { readonly kind: 'input' }
  | { readonly kind: 'context' }
  | { readonly kind: 'variable'; readonly name: string };

/** `.name` or `['name']`: one named member of an object. */
export interface PropertySelector {
  readonly kind: 'property';
  readonly name: string;
}

/** `[n]`: one array element; a negative index counts from the end. */
export interface IndexSelector {
  readonly kind: 'index';
  readonly index: number;
}

/** `.*` or `[*]`: every member value of an object or every array element. */
export interface WildcardSelector {
  readonly kind: 'wildcard';
}

/** `['a','b']` or `[0,1]`: several names or several indices. */
export type UnionSelector =
  | { readonly kind: 'union'; readonly names: readonly string[] }
  | { readonly kind: 'union'; readonly indices: readonly number[] };

/** `[start:end:step]`, each part optional. */
export interface SliceSelector {
  readonly kind: 'slice';
  readonly start: number | null;
  readonly end: number | null;
  readonly step: number | null;
}

/** `[?(expression)]`. */
export interface FilterSelector {
  readonly kind: 'filter';
  readonly expression: FilterExpression;
}

export type PathSelector =
  | PropertySelector
  | IndexSelector
  | WildcardSelector
  | UnionSelector
  | SliceSelector
  | FilterSelector;

/** `..name`, `..*` or `..[...]`: the selector applied at every depth. */
export interface DescendantSegment {
  readonly kind: 'descendant';
  readonly selector: PathSelector;
}

export type PathSegment = PathSelector | DescendantSegment;

export interface JsonPath {
  /** The text the path was parsed from. */
  readonly source: string;
  readonly root: PathRoot;
  readonly segments: readonly PathSegment[];
}

export type FilterComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type FilterLiteral = string | number | boolean | null;

/** A value inside a filter: a literal, or a path from `@` (current node) or `$` (the data). */
export type FilterOperand =
  | { readonly kind: 'literal'; readonly value: FilterLiteral }
  | { readonly kind: 'path'; readonly from: 'current' | 'input'; readonly segments: readonly PathSegment[] };

export type FilterExpression =
  | { readonly kind: 'or'; readonly left: FilterExpression; readonly right: FilterExpression }
  | { readonly kind: 'and'; readonly left: FilterExpression; readonly right: FilterExpression }
  | { readonly kind: 'not'; readonly operand: FilterExpression }
  | {
      readonly kind: 'compare';
      readonly operator: FilterComparisonOperator;
      readonly left: FilterOperand;
      readonly right: FilterOperand;
    }
  /** A bare operand: true when the path exists (a literal is tested for truthiness). */
  | { readonly kind: 'test'; readonly operand: FilterOperand };
