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
 */
export function recordedExit(frame: Frame, next: string | undefined): StepResult | undefined {
  const event = frame.run.recorder.recordedAhead(frame.lane);
  if (!event?.type.endsWith('StateExited')) return undefined;
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
