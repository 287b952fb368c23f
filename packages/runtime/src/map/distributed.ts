import { createHash } from 'node:crypto';
import { frameSignal } from '../engine/cancellation';
import type { Frame } from '../engine/run-context';
import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';

export interface DistributedConfig {
  readonly itemReader: Readonly<Record<string, unknown>> | undefined;
  readonly itemBatcher: Readonly<Record<string, unknown>> | undefined;
  readonly resultWriter: Readonly<Record<string, unknown>> | undefined;
  readonly label: string | undefined;
}

/**
 * The Map Run's ARN. A run whose children are executions of their own (`position` given: where
 * its MapRunStarted event goes) takes a UUID derived from the execution and that position, so a
 * replay after a restart names the same run, whatever order concurrent branches draw in.
 */
export function mapRunArn(
  frame: Frame,
  stateName: string,
  label: string | undefined,
  position?: string,
): string {
  const { identity } = frame.run;
  const machine = identity.stateMachineArn.replace(':stateMachine:', ':mapRun:');
  const id = position === undefined ? frame.run.env.uuid() : uuidFrom(`${identity.executionArn}@${position}`);
  return `${machine}/${label ?? stateName}:${id}`;
}

/** A UUID-shaped name derived from `text` (the same text, the same name). */
export function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Items from the ItemReader's registered reader. */
export async function readItems(
  frame: Frame,
  reader: Readonly<Record<string, unknown>>,
  parameters: Readonly<Record<string, unknown>>,
): Promise<unknown[]> {
  const resource = String(reader.Resource);
  const read = frame.run.itemReaders.get(resource);
  if (!read)
    fail(ErrorNames.itemReaderFailed, `No item reader is registered for the resource '${resource}'.`);
  try {
    const config = (reader.ReaderConfig ?? {}) as Readonly<Record<string, unknown>>;
    // Reading is I/O the clock cannot see: a virtual clock must not skip ahead meanwhile.
    const reading = Promise.resolve().then(() =>
      read({ resource, parameters, readerConfig: config, signal: frameSignal(frame) }),
    );
    const tracked = frame.run.clock.track(reading);
    let items = [...(await (frame.run.busyWhile?.(tracked) ?? tracked))];
    if (typeof config.MaxItems === 'number' && config.MaxItems > 0) items = items.slice(0, config.MaxItems);
    return items;
  } catch (error) {
    return fail(ErrorNames.itemReaderFailed, error instanceof Error ? error.message : String(error));
  }
}

/** Groups items as ItemBatcher asks: `{Items, BatchInput}` per batch. */
export function batchItems(
  items: readonly unknown[],
  batcher: Readonly<Record<string, unknown>>,
  batchInput: unknown,
): unknown[] {
  const maxItems =
    typeof batcher.MaxItemsPerBatch === 'number' ? batcher.MaxItemsPerBatch : Number.POSITIVE_INFINITY;
  const maxBytes =
    typeof batcher.MaxInputBytesPerBatch === 'number' ? batcher.MaxInputBytesPerBatch : 262_144;
  const batches: unknown[] = [];
  let current: unknown[] = [];
  let bytes = 0;
  const flush = () => {
    if (current.length === 0) return;
    batches.push(batchInput === undefined ? { Items: current } : { BatchInput: batchInput, Items: current });
    current = [];
    bytes = 0;
  };
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item) ?? 'null');
    if (current.length >= maxItems || (current.length > 0 && bytes + size > maxBytes)) flush();
    current.push(item);
    bytes += size;
  }
  flush();
  return batches;
}
