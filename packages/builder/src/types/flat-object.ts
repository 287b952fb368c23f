/**
 * Object types built from a flat list of entries.
 *
 * Each step of a chain computes its output from the previous step's type. A
 * mapped type over `keyof Previous` keeps a reference to `Previous`, so after a
 * hundred steps the compiler instantiates a hundred nested types and stops
 * with TS2589. Going through a union of `[key, value, optional]` tuples cuts
 * that reference: the tuples hold the already computed property types, so a
 * step's output never nests the types of the steps before it.
 */

type Entry = readonly [PropertyKey, unknown, boolean];

/** The named properties of `T` as `[key, type, optional]`, keyed by name (index signatures left out). */
type NamedEntries<T> = {
  [K in keyof T as string extends K ? never : number extends K ? never : symbol extends K ? never : K]-?: [
    K,
    T[K],
    {} extends Pick<T, K> ? true : false,
  ];
};

/** A string index signature (a loose object's) as one entry, which `FromEntries` writes back. */
type IndexEntry<T> = string extends keyof T ? [string, T[string], false] : never;

/**
 * Every property of `T` as `[key, type, optional]`. Named properties are
 * listed apart from an index signature: indexing by `keyof T` would fold
 * them into it, and a loose object would lose its known fields.
 */
export type Entries<T> = NamedEntries<T>[keyof NamedEntries<T>] | IndexEntry<T>;

type RequiredProps<E extends Entry> = { [P in E as P[2] extends true ? never : P[0]]: P[1] };
type OptionalProps<E extends Entry> = { [P in E as P[2] extends true ? P[0] : never]?: P[1] };

/** The object type whose properties are exactly the given entries. */
export type FromEntries<E extends Entry> = [Extract<E, readonly [PropertyKey, unknown, true]>] extends [never]
  ? RequiredProps<E>
  : RequiredProps<E> & OptionalProps<E>;

/** `T` with property `K` set to `V` (added or replaced). Non-objects are replaced by `{ K: V }`. */
export type SetKey<T, K extends string, V> = T extends object
  ? T extends readonly unknown[]
    ? { [P in K]: V }
    : FromEntries<Exclude<Entries<T>, readonly [K, unknown, boolean]> | [K, V, false]>
  : { [P in K]: V };

/** Properties of `B` over those of `A`, as one flat object. */
export type Merge<A, B> = [keyof B] extends [never]
  ? A
  : FromEntries<Exclude<Entries<A>, readonly [keyof B, unknown, boolean]> | Entries<B>>;
