import { describe, expectTypeOf, it } from 'vitest';
import type {
  JsonataOnlyFieldLists,
  JsonataState,
  JsonPathOnlyFieldLists,
  JsonPathState,
  StateType,
} from './index';

type KeysOf<T> = T extends unknown ? keyof T : never;
type OfType<S, K extends StateType> = Extract<S, { Type: K }>;

/** Fields a JSONPath state of type K declares (with a real type) that the JSONata one lacks. */
type OnlyIn<A, B> = Exclude<
  {
    [P in KeysOf<A>]: A extends unknown
      ? P extends keyof A
        ? A[P] extends undefined
          ? never
          : P
        : never
      : never;
  }[KeysOf<A>],
  KeysOf<B>
>;

type ListedJsonPath<K extends StateType> = JsonPathOnlyFieldLists[K][number];
type ListedJsonata<K extends StateType> = JsonataOnlyFieldLists[K][number];

describe('JSONPATH_ONLY_FIELDS and JSONATA_ONLY_FIELDS', () => {
  it('list exactly the fields one language has and the other lacks, for every state type', () => {
    type Check<K extends StateType> = [
      OnlyIn<OfType<JsonPathState, K>, OfType<JsonataState, K>>,
      OnlyIn<OfType<JsonataState, K>, OfType<JsonPathState, K>>,
    ];
    expectTypeOf<Check<'Pass'>>().toEqualTypeOf<[ListedJsonPath<'Pass'>, ListedJsonata<'Pass'>]>();
    expectTypeOf<Check<'Task'>>().toEqualTypeOf<[ListedJsonPath<'Task'>, ListedJsonata<'Task'>]>();
    expectTypeOf<Check<'Choice'>>().toEqualTypeOf<[ListedJsonPath<'Choice'>, ListedJsonata<'Choice'>]>();
    expectTypeOf<Check<'Wait'>>().toEqualTypeOf<[ListedJsonPath<'Wait'>, ListedJsonata<'Wait'>]>();
    expectTypeOf<Check<'Succeed'>>().toEqualTypeOf<[ListedJsonPath<'Succeed'>, ListedJsonata<'Succeed'>]>();
    expectTypeOf<Check<'Fail'>>().toEqualTypeOf<[ListedJsonPath<'Fail'>, ListedJsonata<'Fail'>]>();
    expectTypeOf<Check<'Parallel'>>().toEqualTypeOf<
      [ListedJsonPath<'Parallel'>, ListedJsonata<'Parallel'>]
    >();
    expectTypeOf<Check<'Map'>>().toEqualTypeOf<[ListedJsonPath<'Map'>, ListedJsonata<'Map'>]>();
  });
});
