import { detailsKeyOf, type HistoryEvent, type HistoryEventType } from '../history/history-event';
import type { StoredEvent } from './durable-store';
import { parseJsonObject } from './terminal-status';

/** Stored rows in AWS `HistoryEvent` shape. */
export function historyOf(rows: readonly StoredEvent[]): HistoryEvent[] {
  return rows.map((row) => {
    const base = {
      id: row.id,
      previousEventId: row.previousEventId,
      type: row.type as HistoryEventType,
      timestamp: new Date(row.time),
    };
    if (row.details === undefined) return base;
    const details = parseJsonObject(row.details, `event ${row.id} of ${row.executionArn}`);
    return { ...base, [detailsKeyOf(row.type as HistoryEventType)]: details };
  });
}
