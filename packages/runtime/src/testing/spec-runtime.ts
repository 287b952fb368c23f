import { createVirtualClock, type VirtualClock } from '../clock/virtual-clock';
import { createRuntime, type Runtime } from '../engine/runtime';
import type { RuntimeOptions } from '../engine/runtime-options';
import type { HistoryEvent } from '../history/history-event';
import { createSeededRandom } from '../random/random';

export const START = Date.parse('2024-01-01T00:00:00Z');

/** A real runtime on a virtual clock starting at START, with seeded randomness. */
export function specRuntime(options: RuntimeOptions = {}): { runtime: Runtime; clock: VirtualClock } {
  const clock = createVirtualClock({ start: START });
  const runtime = createRuntime({ clock, random: createSeededRandom(7), ...options });
  return { runtime, clock };
}

/** The event types in order, the way history assertions read best. */
export function eventTypes(events: readonly HistoryEvent[]): string[] {
  return events.map((e) => e.type);
}

/** The details object of an event, whatever its AWS key. */
export function detailsOf(event: HistoryEvent | undefined): Readonly<Record<string, unknown>> {
  if (!event) return {};
  for (const key of Object.keys(event)) {
    if (key.endsWith('EventDetails'))
      return (event[key as `${string}EventDetails`] ?? {}) as Record<string, unknown>;
  }
  return {};
}

export const FN = 'arn:aws:lambda:us-east-1:123456789012:function:work';
export const FN2 = 'arn:aws:lambda:us-east-1:123456789012:function:other';
