import { describe, expect, it } from 'vitest';
import type { FilterSelector } from './ast';
import { testFilter } from './evaluate-filter';
import { parsePath } from './parse-path';

/** Evaluates the filter of `$[?(...)]` against one node. */
function holds(filter: string, current: unknown, root: unknown = {}): boolean {
  const selector = parsePath(`$[?(${filter})]`).segments[0] as FilterSelector;
  return testFilter(selector.expression, current, root);
}

describe('testFilter', () => {
  it('compares numbers and strings by value and order', () => {
    expect(holds('@.n == 2', { n: 2 })).toBe(true);
    expect(holds('@.n <= 2', { n: 2 })).toBe(true);
    expect(holds('@.n > 2', { n: 2 })).toBe(false);
    expect(holds("@.s < 'b'", { s: 'a' })).toBe(true);
    expect(holds("@.s >= 'b'", { s: 'a' })).toBe(false);
  });

  it('matches a number against a numeric string, as AWS does', () => {
    expect(holds("@.status == '0'", { status: 0 })).toBe(true);
    expect(holds("@.status != '0'", { status: 0 })).toBe(false);
    expect(holds("@.status == 'zero'", { status: 0 })).toBe(false);
  });

  it('never orders values of different types', () => {
    expect(holds("@.n < '5'", { n: 1 })).toBe(false);
    expect(holds("@.n >= '5'", { n: 1 })).toBe(false);
    expect(holds('@.n < 5', { n: null })).toBe(false);
  });

  it('compares objects, arrays, booleans and null structurally', () => {
    expect(holds('@.a == @.b', { a: { x: [1, 2] }, b: { x: [1, 2] } })).toBe(true);
    expect(holds('@.a == @.b', { a: { x: [1, 2] }, b: { x: [2, 1] } })).toBe(false);
    expect(holds('@.flag == true', { flag: true })).toBe(true);
    expect(holds('@.v == null', { v: null })).toBe(true);
  });

  it('treats a missing member as equal to nothing, not even null', () => {
    expect(holds('@.v == null', {})).toBe(false);
    expect(holds('@.v != 1', {})).toBe(true);
    expect(holds('@.v < 1', {})).toBe(false);
  });

  it('tests existence, including members that hold false or null', () => {
    expect(holds('@.v', { v: false })).toBe(true);
    expect(holds('@.v', { v: null })).toBe(true);
    expect(holds('@.v', {})).toBe(false);
    expect(holds('@.list[*]', { list: [] })).toBe(false);
    expect(holds('@.list[*]', { list: [0] })).toBe(true);
  });

  it('combines with &&, || and ! and respects parentheses', () => {
    const item = { a: 1, b: 2 };
    expect(holds('@.a == 1 && @.b == 3 || @.b == 2', item)).toBe(true);
    expect(holds('@.a == 1 && (@.b == 3 || @.b == 4)', item)).toBe(false);
    expect(holds('!(@.a == 1)', item)).toBe(false);
    expect(holds('!@.c', item)).toBe(true);
  });

  it('reads $ from the root document', () => {
    expect(holds('@.price < $.limit', { price: 5 }, { limit: 10 })).toBe(true);
  });

  it('treats a bare literal by its truth', () => {
    expect(holds('true', {})).toBe(true);
    expect(holds('0', {})).toBe(false);
  });
});
