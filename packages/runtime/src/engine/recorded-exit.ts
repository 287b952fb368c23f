import type { StepResult } from '../plan/compiled-state';
import type { Frame } from './run-context';

interface ExitDetails {
  readonly output?: unknown;
  readonly assignedVariables?: unknown;
}

/**
 * What a state gave when it exited before a restart, as its recorded `…StateExited` event holds it
 * (the output and the variables it assigned), if the lane's next recorded event is that exit.
 * Replay recomputes a state's output from what its history holds; a result the history does not
 * hold (a distributed Map's ResultWriter's answer) is known again only from there.
 *
 * A state with a `Catch` may have exited through it after a late failure (an output path that
 * selects nothing), recording no failure event first; its exit is taken only when the recorded run
 * went on to `next` (or, at the end of its lane, to no state), where a catcher's exit, which always
 * leads to the catcher's Next, cannot pass for it.
 */
export function recordedExit(
  frame: Frame,
  next: string | undefined,
  caught: boolean,
): StepResult | undefined {
  const { recorder } = frame.run;
  const event = recorder.recordedAhead(frame.lane);
  if (!event?.type.endsWith('StateExited')) return undefined;
  if (caught) {
    // A catcher always has a Next, whose entry is recorded in the same commit as the exit.
    const after = recorder.recordedAhead(frame.lane, 1);
    const entered = after?.type.endsWith('StateEntered') ? after.stateEnteredEventDetails?.name : undefined;
    if (entered !== next) return undefined;
  }
  const details = event.stateExitedEventDetails as ExitDetails | undefined;
  if (typeof details?.output !== 'string') return undefined;
  const output: unknown = JSON.parse(details.output);
  const texts = details.assignedVariables;
  if (typeof texts !== 'object' || texts === null) return { output, next };
  const assigned: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(texts)) {
    assigned[name] = typeof text === 'string' ? JSON.parse(text) : null;
  }
  return { output, next, assigned };
}
