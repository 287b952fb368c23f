import type { HistoryRecorder, Lane } from '../history/history-recorder';

/**
 * A Map Run that an earlier attempt started and left unfinished goes on when its execution is
 * redriven, and AWS records `MapRunRedriven` there, with how many times that run has now been
 * redriven. A resumed run replays the ones already recorded; one more is recorded when the latest
 * redrive came after all of them and nothing of the run followed it yet. A run started in the
 * current attempt, or one that had finished, records none.
 */
export function recordMapRunRedrives(
  recorder: HistoryRecorder,
  lane: Lane,
  mapRunArn: string,
  startedId: number,
): void {
  let latest = startedId;
  let redrives = 0;
  while (recorder.recordedAhead(lane)?.type === 'MapRunRedriven') {
    redrives++;
    latest = recorder.advance(lane, 'MapRunRedriven', { mapRunArn, redriveCount: redrives });
  }
  const redriven = recorder.lastIdOf('ExecutionRedriven');
  if (redriven !== undefined && latest < redriven && recorder.recordedAhead(lane) === undefined) {
    recorder.advance(lane, 'MapRunRedriven', { mapRunArn, redriveCount: redrives + 1 });
  }
}
