import { describe, expect, it } from 'vitest';
import { EVENT_CHUNK, EventColumns } from './event-columns';

describe('EventColumns', () => {
  it('keeps every field of every event across chunk boundaries', () => {
    const columns = new EventColumns(3);
    const count = EVENT_CHUNK * 2 + 7;
    for (let i = 0; i < count; i++)
      columns.push(i, i % 2 ? 'PassStateEntered' : 'PassStateExited', 1000 + i, { i });
    for (const i of [0, 2, 3, EVENT_CHUNK - 1, EVENT_CHUNK, EVENT_CHUNK * 2, count - 1]) {
      expect(columns.previousIdAt(i)).toBe(i);
      expect(columns.kindAt(i)).toBe(i % 2 ? 'PassStateEntered' : 'PassStateExited');
      expect(columns.timeAt(i)).toBe(1000 + i);
      expect(columns.detailsAt(i)).toEqual({ i });
    }
  });

  it('refuses to read an event that was never recorded', () => {
    const columns = new EventColumns(EVENT_CHUNK * 4);
    columns.push(0, 'ExecutionStarted', 1, undefined);
    expect(() => columns.timeAt(1)).toThrow(RangeError);
    expect(() => columns.kindAt(-1)).toThrow(RangeError);
  });
});
