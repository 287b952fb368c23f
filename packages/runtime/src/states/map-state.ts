import { compileJsonata } from '../dataflow/jsonata-expressions';
import { compileJsonataIo, jsonataScope } from '../dataflow/jsonata-io';
import { compilePathIo, pathScope } from '../dataflow/jsonpath-io';
import { compileTemplate } from '../dataflow/payload-template';
import { recordedExit } from '../engine/recorded-exit';
import type { Frame } from '../engine/run-context';
import { stateContext } from '../engine/state-context';
import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import { type ChildExecutionRunner, childDefinition } from '../map/child-executions';
import { batchItems, mapRunArn, readItems } from '../map/distributed';
import { compileItemSelector, compileItems } from '../map/map-items';
import { recordMapRunRedrives } from '../map/map-run-redrives';
import { runIterations } from '../map/run-iterations';
import { compileMaxConcurrency, compileTolerance } from '../map/tolerance';
import type {
  CompileContext,
  CompiledState,
  RawGraph,
  RawState,
  StateEntry,
  StepResult,
} from '../plan/compiled-state';
import { nextOf, queryLanguageOf, stringField } from '../plan/raw-fields';
import { compoundResult, compoundState } from './compound-state';

type Obj = Readonly<Record<string, unknown>>;

export function compileMapState(name: string, raw: RawState, ctx: CompileContext): CompiledState {
  const ql = queryLanguageOf(raw, ctx.queryLanguage);
  const next = nextOf(raw);
  const processor = (raw.ItemProcessor ?? raw.Iterator) as RawGraph & { ProcessorConfig?: Obj };
  const graph = ctx.compileGraph(processor, ql);
  const distributed = processor.ProcessorConfig?.Mode === 'DISTRIBUTED';
  const standardChild = childDefinition(processor, ql);
  const pathIo = ql === 'JSONPath' ? compilePathIo(raw, '__none__') : undefined;
  const jsonataIo = ql === 'JSONata' ? compileJsonataIo(raw, '__none__') : undefined;
  const items = compileItems(raw, ql);
  const selector = compileItemSelector(raw, ql);
  const maxConcurrency = compileMaxConcurrency(raw);
  const maxConcurrencyJsonata =
    ql === 'JSONata' && typeof raw.MaxConcurrency === 'string'
      ? compileJsonata(raw.MaxConcurrency, 'MaxConcurrency')
      : undefined;
  const tolerance = compileTolerance(raw);
  const reader = raw.ItemReader as Obj | undefined;
  const readerParameters =
    reader?.Parameters !== undefined ? compileTemplate(reader.Parameters, 'Parameters') : undefined;
  const batcher = raw.ItemBatcher as Obj | undefined;
  const writer = raw.ResultWriter as Obj | undefined;
  const label = stringField(raw, 'Label');
  const io = { pathIo, jsonataIo };

  async function attempt(frame: Frame, entry: StateEntry, retryCount: number): Promise<StepResult> {
    const { recorder } = frame.run;
    const context = stateContext(frame, entry, { retryCount });
    const input = pathIo?.inputPath ? pathIo.inputPath(pathScope(frame, entry.input, context)) : entry.input;
    const scope = pathScope(frame, input, context);
    let list = reader
      ? await readItems(frame, reader, (readerParameters?.(scope, frame.run.env) ?? {}) as Obj)
      : await items(frame, input, context);
    if (batcher) list = batchItems(list, batcher, batcher.BatchInput);
    const limit = maxConcurrencyJsonata
      ? Number(await maxConcurrencyJsonata(jsonataScope(frame, input, context)))
      : maxConcurrency(scope);
    checkSameLength(frame, list.length);
    recorder.advance(frame.lane, 'MapStateStarted', { length: list.length });
    const accepted = tolerance(scope);
    const childRuns = standardChild !== undefined && frame.run.children !== undefined;
    const runArn = distributed
      ? mapRunArn(frame, name, label, childRuns ? recorder.nextPosition(frame.lane) : undefined)
      : undefined;
    let runRedriven = false;
    if (runArn) {
      const started = recorder.advance(frame.lane, 'MapRunStarted', { mapRunArn: runArn });
      if (frame.run.identity.redriveCount > 0)
        runRedriven = recordMapRunRedrives(recorder, frame.lane, runArn, started);
    }
    let outcome: Awaited<ReturnType<typeof runIterations>>;
    try {
      outcome = await runIterations(frame, {
        stateName: name,
        graph,
        items: list,
        // An inline Map runs at most 40 iterations at once on AWS, whatever MaxConcurrency says.
        maxConcurrency: distributed ? limit : inlineConcurrency(limit),
        tolerance: accepted,
        recordIterations: !distributed,
        runChild:
          runArn && standardChild && frame.run.children
            ? (index, childInput, signal) =>
                (frame.run.children as ChildExecutionRunner)({
                  mapRunArn: runArn,
                  index,
                  definition: standardChild,
                  input: childInput,
                  itemIsInput: selector === undefined && batcher === undefined,
                  runRedriven,
                  signal,
                })
            : undefined,
        itemInput: (index, iterationFrame) => {
          if (!selector) return list[index];
          return selector(iterationFrame, input, stateContext(iterationFrame, entry, { retryCount }));
        },
      });
    } catch (error) {
      if (runArn)
        recorder.advance(frame.lane, 'MapRunFailed', { error: ErrorNames.exceedToleratedFailureThreshold });
      throw error;
    }
    let closing = outcome.lastSucceededEventId ?? frame.lane.cursor;
    if (runArn) closing = recorder.advance(frame.lane, 'MapRunSucceeded');
    recorder.appendOn(frame.lane, 'MapStateSucceeded', closing);
    frame.lane.cursor = closing;
    let result: unknown = outcome.results;
    if (writer && frame.run.resultWriter) {
      // Replayed after the Map had exited: the writer answered then, and only that exit holds its
      // answer. Writing again would write the results twice.
      const exited = recordedExit(frame, next, raw.Catch !== undefined);
      if (exited) return exited;
      const failedIndexes = new Set(outcome.failed.map((item) => item.index));
      const write = frame.run.resultWriter;
      // Writing is I/O the clock cannot see: a virtual clock must not skip ahead meanwhile.
      const writing = frame.run.clock.track(
        Promise.resolve().then(() =>
          write({
            mapRunArn: runArn ?? '',
            resource: String(writer.Resource),
            parameters: (writer.Parameters ?? {}) as Obj,
            succeeded: outcome.results.filter((_, index) => !failedIndexes.has(index)),
            failed: outcome.failed,
          }),
        ),
      );
      const details = await (frame.run.busyWhile?.(writing) ?? writing);
      result = { MapRunArn: runArn, ResultWriterDetails: details };
    }
    return compoundResult(io, frame, entry, context, result, next);
  }

  return compoundState(name, 'Map', raw, ql, attempt);
}

/**
 * A durable execution replaying a Map it started before a restart or redrive must see as many
 * items as it recorded: its Map Run's children are named by index, so a stop, a resume or a
 * redrive finds them only if the count has not changed (an item reader whose source changed).
 */
function checkSameLength(frame: Frame, length: number): void {
  const recorded = frame.run.recorder.recordedAhead(frame.lane)?.mapStateStartedEventDetails?.length;
  if (typeof recorded !== 'number' || recorded === length) return;
  fail(
    ErrorNames.runtime,
    `The Map's items changed since it started: it recorded ${recorded} items and now reads ${length}.`,
  );
}

/** AWS's ceiling on an inline Map's concurrent iterations. */
export const INLINE_MAX_CONCURRENCY = 40;

function inlineConcurrency(limit: number): number {
  return limit > 0 ? Math.min(limit, INLINE_MAX_CONCURRENCY) : INLINE_MAX_CONCURRENCY;
}
