import type { Merge } from '../types/flat-object';
import { intrinsicCall } from './intrinsic-call';

/** A value an intrinsic accepts as a scalar argument. */
type Scalar = string | number | boolean | null;

export type HashAlgorithm = 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/*
 * Each helper is typed as returning the value the intrinsic computes, so that
 * a template's type is what the state will see at run time. At build time it
 * returns a recorded call, which the compiler writes out as ASL.
 */
const call = <T>(name: string, args: readonly unknown[]): T => intrinsicCall(name, args) as unknown as T;

/** The 18 intrinsic functions of JSONPath states, as typed functions. */
export const States = {
  Format: (template: string, ...args: Scalar[]): string => call('States.Format', [template, ...args]),
  StringToJson: <T = unknown>(json: string): T => call('States.StringToJson', [json]),
  JsonToString: (value: unknown): string => call('States.JsonToString', [value]),
  Array: <const A extends readonly unknown[]>(...items: A): [...A] => call('States.Array', items),
  ArrayPartition: <T>(array: readonly T[], size: number): T[][] =>
    call('States.ArrayPartition', [array, size]),
  ArrayContains: <T>(array: readonly T[], value: NoInfer<T>): boolean =>
    call('States.ArrayContains', [array, value]),
  ArrayRange: (first: number, last: number, step: number): number[] =>
    call('States.ArrayRange', [first, last, step]),
  ArrayGetItem: <T>(array: readonly T[], index: number): T => call('States.ArrayGetItem', [array, index]),
  ArrayLength: (array: readonly unknown[]): number => call('States.ArrayLength', [array]),
  ArrayUnique: <T>(array: readonly T[]): T[] => call('States.ArrayUnique', [array]),
  Base64Encode: (data: string): string => call('States.Base64Encode', [data]),
  Base64Decode: (data: string): string => call('States.Base64Decode', [data]),
  Hash: (data: string, algorithm: HashAlgorithm): string => call('States.Hash', [data, algorithm]),
  JsonMerge: <A extends object, B extends object>(left: A, right: B, deep: false): Merge<A, B> =>
    call('States.JsonMerge', [left, right, deep]),
  MathRandom: (start: number, end: number, seed?: number): number =>
    call('States.MathRandom', seed === undefined ? [start, end] : [start, end, seed]),
  MathAdd: (left: number, right: number): number => call('States.MathAdd', [left, right]),
  StringSplit: (value: string, separator: string): string[] => call('States.StringSplit', [value, separator]),
  UUID: (): string => call('States.UUID', []),
} as const;
