import { describe, expect, it } from 'vitest';
import { StopSource } from './stop-source';

describe('StopSource', () => {
  it('is not aborted until abort() is called, and keeps the first reason', () => {
    const stop = new StopSource();
    expect(stop.aborted).toBe(false);
    stop.abort('first');
    stop.abort('second');
    expect(stop.aborted).toBe(true);
    expect(stop.reason).toBe('first');
  });

  it('fires a signal taken before the stop', () => {
    const stop = new StopSource();
    const signal = stop.signal;
    const seen: unknown[] = [];
    signal.addEventListener('abort', () => seen.push(signal.reason));
    stop.abort('stopped');
    expect(seen).toEqual(['stopped']);
  });

  it('gives an already-aborted signal when it is first asked for after the stop', () => {
    const stop = new StopSource();
    stop.abort('late');
    expect(stop.signal.aborted).toBe(true);
    expect(stop.signal.reason).toBe('late');
  });
});
