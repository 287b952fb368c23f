import { describe, expect, it } from 'vitest';
import { colorsEnabled, createColors } from './colors';

const tty = { write: () => true, isTTY: true };
const pipe = { write: () => true };

describe('colorsEnabled', () => {
  it('colors a terminal and nothing else', () => {
    expect(colorsEnabled(tty, {})).toBe(true);
    expect(colorsEnabled(pipe, {})).toBe(false);
  });

  it('never colors when NO_COLOR is set to anything but the empty string', () => {
    expect(colorsEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorsEnabled(tty, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(colorsEnabled(tty, { NO_COLOR: '' })).toBe(true);
  });

  it('never colors with --no-color', () => {
    expect(colorsEnabled(tty, { FORCE_COLOR: '1' }, true)).toBe(false);
  });

  it('colors a pipe when FORCE_COLOR asks for it', () => {
    expect(colorsEnabled(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorsEnabled(pipe, { FORCE_COLOR: '0' })).toBe(false);
  });
});

describe('createColors', () => {
  it('wraps text in ANSI codes when enabled and leaves it alone otherwise', () => {
    expect(createColors(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(createColors(false).red('x')).toBe('x');
  });
});
