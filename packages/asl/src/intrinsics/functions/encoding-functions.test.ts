import { describe, expect, it } from 'vitest';
import { run } from '../test-support';

describe('encoding and hashing intrinsics', () => {
  it('round-trips UTF-8 text through Base64', () => {
    expect(run('States.Base64Encode($.s)', { s: 'Data to encode' })).toBe('RGF0YSB0byBlbmNvZGU=');
    expect(run('States.Base64Decode($.s)', { s: 'w6ljbGFpciDwn5iA' })).toBe('éclair 😀');
  });

  it('refuses input over 10,000 characters and malformed Base64', () => {
    expect(() => run('States.Base64Encode($.s)', { s: 'a'.repeat(10_001) })).toThrow(
      /at most 10000 characters/,
    );
    expect(run('States.Base64Encode($.s)', { s: 'a'.repeat(10_000) })).toHaveLength(13_336);
    expect(() => run('States.Base64Decode($.s)', { s: 'abc$' })).toThrow(/not valid Base64/);
  });

  it('hashes with every supported algorithm', () => {
    expect(run("States.Hash('input data', 'MD5')")).toBe('812f45842bc6d66ee14572ce20db8e86');
    expect(run("States.Hash('input data', 'SHA-1')")).toBe('aaff4a450a104cd177d28d18d74485e8cae074b7');
    expect(run("States.Hash('input data', 'SHA-256')")).toBe(
      'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3',
    );
  });

  it('refuses an unknown algorithm and oversized input', () => {
    expect(() => run("States.Hash('x', 'SHA-3')")).toThrow(/unsupported hash algorithm 'SHA-3'/);
    expect(() => run("States.Hash($.s, 'MD5')", { s: 'x'.repeat(10_001) })).toThrow(/at most 10000/);
  });
});
