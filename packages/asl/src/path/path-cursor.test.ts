import { describe, expect, it } from 'vitest';
import { PathCursor } from './path-cursor';
import { InvalidPathError } from './path-errors';

describe('PathCursor', () => {
  it('reads quoted strings with either quote and JSON-style escapes', () => {
    const cursor = new PathCursor(`'a\\'b\\n\\u00e9' rest`);
    expect(cursor.readQuoted()).toBe("a'b\né");
    expect(cursor.peek()).toBe(' ');
    expect(new PathCursor('"x\'y"').readQuoted()).toBe("x'y");
  });

  it('reads signed integers and refuses unsafe ones', () => {
    const cursor = new PathCursor('-12]');
    expect(cursor.readInteger()).toBe(-12);
    expect(cursor.peek()).toBe(']');
    expect(() => new PathCursor('9007199254740993').readInteger()).toThrow(/too large/);
  });

  it('refuses the names that reach object internals, at the given position', () => {
    const cursor = new PathCursor('$.prototype');
    expect(cursor.checkName('ok', 2)).toBe('ok');
    expect(() => cursor.checkName('prototype', 2)).toThrow(InvalidPathError);
    expect(() => cursor.checkName('prototype', 2)).toThrow(/position 2/);
  });

  it('reports an unterminated string at its opening quote', () => {
    const cursor = new PathCursor("$['abc");
    cursor.position = 2;
    expect(() => cursor.readQuoted()).toThrow(/at position 2: unterminated string/);
  });
});
