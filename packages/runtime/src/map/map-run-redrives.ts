import type { HistoryRecorder, Lane } from '../history/history-recorder';

/**
 * A Map Run that an earlier attempt started and left unfinished goes on when its execution is
 * redriven, and AWS records `MapRunRedriven` there, with how many times that run has now been
 * redriven. A resumed run replays the ones already recorded; one more is recorded when the latest
 * redrive came after all of them and nothing of the run followed it yet. A run started in the
 * current attempt, or one that had finished, records none.
 *
 * Whether the run is redriven in the current attempt (its latest `MapRunRedriven` came after the
 * latest redrive of the execution): only then do its children that did not succeed run again.
 */
export function recordMapRunRedrives(
  recorder: HistoryRecorder,
  lane: Lane,
  mapRunArn: string,
  startedId: number,
): boolean {
  let latest = startedId;
  let redrives = 0;
  while (recorder.recordedAhead(lane)?.type === 'MapRunRedriven') {
    redrives++;
    latest = recorder.advance(lane, 'MapRunRedriven', { mapRunArn, redriveCount: redrives });
  }
  const redriven = recorder.lastIdOf('ExecutionRedriven');
  if (redriven !== undefined && latest < redriven && recorder.recordedAhead(lane) === undefined) {
    latest = recorder.advance(lane, 'MapRunRedriven', { mapRunArn, redriveCount: redrives + 1 });
  }
  // `latest` is a MapRunRedriven (not the start) that came after the execution's latest redrive.
  return latest !== startedId && redriven !== undefined && latest > redriven;
}
