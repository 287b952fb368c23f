import { instantToMillis, jsonataBody, parseTimestamp } from '@stepwise/asl';
import { compileJsonata, type JsonataEvaluator } from '../dataflow/jsonata-expressions';
import { compileJsonataIo, jsonataOutput, jsonataScope } from '../dataflow/jsonata-io';
import { compileFilterPath, compileRequiredPath } from '../dataflow/jsonpath-expressions';
import { assignments, pathScope } from '../dataflow/jsonpath-io';
import { compileTemplate } from '../dataflow/payload-template';
import { frameSignal } from '../engine/cancellation';
import type { Frame } from '../engine/run-context';
import { stateContext } from '../engine/state-context';
import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import type { CompileContext, CompiledState, RawState } from '../plan/compiled-state';
import { has, nextOf, nullablePathField, queryLanguageOf, stringField } from '../plan/raw-fields';

/** Milliseconds from now until the instant the state names, or until the seconds pass. */
type WaitTarget = { seconds: number } | { timestamp: number };

export function compileWaitState(name: string, raw: RawState, ctx: CompileContext): CompiledState {
  const next = nextOf(raw);
  if (queryLanguageOf(raw, ctx.queryLanguage) === 'JSONata') return compileJsonataWait(name, raw, next);
  const inputPath = compileFilterPath(nullablePathField(raw, 'InputPath'));
  const outputPath = compileFilterPath(nullablePathField(raw, 'OutputPath'));
  const assign = has(raw, 'Assign') ? compileTemplate(raw.Assign, 'Assign') : undefined;
  const secondsPathSource = stringField(raw, 'SecondsPath');
  const timestampPathSource = stringField(raw, 'TimestampPath');
  const secondsPath = secondsPathSource ? compileRequiredPath(secondsPathSource) : undefined;
  const timestampPath = timestampPathSource ? compileRequiredPath(timestampPathSource) : undefined;
  return {
    name,
    kind: 'Wait',
    async execute(frame, entry) {
      const context = stateContext(frame, entry);
      const input = inputPath ? inputPath(pathScope(frame, entry.input, context)) : entry.input;
      const scope = pathScope(frame, input, context);
      let target: WaitTarget;
      if (secondsPath) {
        const value = secondsPath(scope);
        if (!Number.isInteger(value) || (value as number) < 0) {
          fail(
            ErrorNames.runtime,
            `The SecondsPath parameter cannot be parsed as a long value: ${secondsPathSource} == ${JSON.stringify(value)}`,
            { prefixed: true },
          );
        }
        target = { seconds: value as number };
      } else if (timestampPath) {
        const value = timestampPath(scope);
        const instant = typeof value === 'string' ? parseTimestamp(value) : undefined;
        if (!instant) {
          fail(
            ErrorNames.runtime,
            `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${timestampPathSource} == ${typeof value === 'string' ? value : JSON.stringify(value)}`,
            { prefixed: true },
          );
        }
        target = { timestamp: instantToMillis(instant) };
      } else {
        target = literalTarget(raw);
      }
      const assigned = assign ? assignments(assign(scope, frame.run.env)) : undefined;
      await waitFor(frame, target, frame.run.clock.now());
      const output = outputPath ? outputPath(pathScope(frame, input, context)) : input;
      return { output, next, assigned };
    },
  };
}

function literalTarget(raw: RawState): WaitTarget {
  if (typeof raw.Seconds === 'number') return { seconds: raw.Seconds };
  const instant = typeof raw.Timestamp === 'string' ? parseTimestamp(raw.Timestamp) : undefined;
  return instant ? { timestamp: instantToMillis(instant) } : { seconds: 0 };
}

function compileJsonataWait(name: string, raw: RawState, next: string | undefined): CompiledState {
  const io = compileJsonataIo(raw);
  const seconds: JsonataEvaluator | undefined = has(raw, 'Seconds')
    ? compileJsonata(raw.Seconds, 'Seconds')
    : undefined;
  const timestamp = has(raw, 'Timestamp') ? compileJsonata(raw.Timestamp, 'Timestamp') : undefined;
  return {
    name,
    kind: 'Wait',
    async execute(frame, entry) {
      // Read before the awaits below: while they run, a resumed execution's other branches replay
      // their own events, which move its clock to their times.
      const enteredAt = frame.run.clock.now();
      const scope = jsonataScope(frame, entry.input, stateContext(frame, entry));
      let target: WaitTarget = { seconds: 0 };
      if (seconds) {
        const value = await seconds(scope);
        if (!Number.isInteger(value) || (value as number) < 0) {
          fail(
            ErrorNames.queryEvaluationError,
            jsonataTypeMessage(raw.Seconds, 'Seconds', 'integer', value),
            {
              evaluation: true,
              prefixed: true,
            },
          );
        }
        target = { seconds: value as number };
      } else if (timestamp) {
        const value = await timestamp(scope);
        const instant = typeof value === 'string' ? parseTimestamp(value) : undefined;
        if (!instant) {
          fail(
            ErrorNames.queryEvaluationError,
            `The JSONata expression '${expressionText(raw.Timestamp)}' specified for the field 'Timestamp' returned an unexpected result type. Expected 'timestamp', but was '${typeof value}' for value: ${JSON.stringify(value)}`,
            { evaluation: true, prefixed: true },
          );
        }
        target = { timestamp: instantToMillis(instant) };
      }
      const outcome = await jsonataOutput(io, scope, entry.input);
      await waitFor(frame, target, enteredAt);
      return { output: outcome.output, next, assigned: outcome.assigned };
    },
  };
}

function expressionText(field: unknown): string {
  return typeof field === 'string' ? jsonataBody(field) : JSON.stringify(field);
}

function jsonataTypeMessage(field: unknown, name: string, expected: string, value: unknown): string {
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return `The JSONata expression '${expressionText(field)}' specified for the field '${name}' returned an unexpected result type. Expected '${expected}', but was '${actual}' for value: ${JSON.stringify(value)}`;
}

/** Waits until `target`, its seconds counted from `enteredAt` (when the state was entered). */
async function waitFor(frame: Frame, target: WaitTarget, enteredAt: number): Promise<void> {
  const clock = frame.run.clock;
  const due = 'seconds' in target ? enteredAt + target.seconds * 1000 : target.timestamp;
  const ms = due - clock.now();
  if (ms > 0) await clock.sleep(ms, frameSignal(frame));
}
