import { describe, expect, it } from 'vitest';
import { renderJavaNumber, renderJavaText } from './java-text';

describe('renderJavaText', () => {
  it('prints nested maps and lists like Java collections', () => {
    expect(renderJavaText({ a: [1, 'x'], b: {} })).toBe('{a=[1, x], b={}}');
  });

  it.each([
    [1, '1'],
    [1.1, '1.1'],
    [-0.25, '-0.25'],
    [0.0001, '1.0E-4'],
    [12345678.5, '1.23456785E7'],
    [1e21, '1.0E21'],
  ])('prints the number %d as %s', (value, text) => {
    expect(renderJavaNumber(value)).toBe(text);
  });
});
