import { compileJsonataIo, jsonataScope } from '../dataflow/jsonata-io';
import { compilePathIo, effectiveInput } from '../dataflow/jsonpath-io';
import { runBranches } from '../engine/run-branches';
import type { Frame } from '../engine/run-context';
import { runGraph } from '../engine/run-graph';
import { stateContext } from '../engine/state-context';
import type {
  CompileContext,
  CompiledGraph,
  CompiledState,
  RawGraph,
  RawState,
  StateEntry,
  StepResult,
} from '../plan/compiled-state';
import { nextOf, queryLanguageOf } from '../plan/raw-fields';
import { compoundResult, compoundState } from './compound-state';

export function compileParallelState(name: string, raw: RawState, ctx: CompileContext): CompiledState {
  const ql = queryLanguageOf(raw, ctx.queryLanguage);
  const next = nextOf(raw);
  const branches = ((Array.isArray(raw.Branches) ? raw.Branches : []) as RawGraph[]).map((branch) =>
    ctx.compileGraph(branch, ql),
  );
  const pathIo = ql === 'JSONPath' ? compilePathIo(raw) : undefined;
  const jsonataIo = ql === 'JSONata' ? compileJsonataIo(raw) : undefined;
  const io = { pathIo, jsonataIo };

  async function attempt(frame: Frame, entry: StateEntry, retryCount: number): Promise<StepResult> {
    const context = stateContext(frame, entry, { retryCount });
    const input = pathIo
      ? effectiveInput(pathIo, frame, entry.input, context)
      : jsonataIo?.arguments
        ? await jsonataIo.arguments(jsonataScope(frame, entry.input, context))
        : entry.input;
    const { recorder } = frame.run;
    recorder.advance(frame.lane, 'ParallelStateStarted');
    let results: unknown[];
    try {
      results = await runBranches(frame, branches.length, (index, signal) => {
        const branchFrame: Frame = {
          run: frame.run,
          lane: recorder.fork(frame.lane, index),
          vars: frame.vars.child(),
          signal,
        };
        return runGraph(branchFrame, branches[index] as CompiledGraph, input);
      });
    } finally {
      // Branches interleave; the state's next event follows the latest one.
      frame.lane.cursor = recorder.count;
    }
    recorder.advance(frame.lane, 'ParallelStateSucceeded');
    return compoundResult(io, frame, entry, context, results, next);
  }

  return compoundState(name, 'Parallel', raw, ql, attempt);
}
