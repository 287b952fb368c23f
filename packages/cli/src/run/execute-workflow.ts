import { createRuntime, createVirtualClock, type TaskHandlers } from '@stepwise/runtime';
import type { OutputStream } from '../cli/io';
import type { Colors } from '../output/colors';
import { type ExecutionReport, executionReport } from './execution-report';
import { LiveView } from './live-view';
import { type ProgressEvent, ProgressReporter } from './progress-reporter';

export interface ExecuteOptions {
  input: unknown;
  handlers: TaskHandlers | undefined;
  /** Let a virtual clock jump over waits and retry intervals. */
  virtualTime: boolean;
  /** Where to show progress live; nothing is shown without it. */
  progress: { stream: OutputStream; colors: Colors } | undefined;
}

/** Runs one execution to its end with @stepwise/runtime, loaded only by `stepwise run`. */
export async function executeWorkflow(
  definition: unknown,
  options: ExecuteOptions,
): Promise<ExecutionReport> {
  const runtime = createRuntime({
    ...(options.handlers === undefined ? {} : { handlers: options.handlers }),
    ...(options.virtualTime ? { clock: createVirtualClock() } : {}),
  });
  const execution = runtime.startExecution(definition as Parameters<typeof runtime.startExecution>[0], {
    input: options.input,
  });
  if (options.progress) {
    const reporter = new ProgressReporter(new LiveView(options.progress.stream), options.progress.colors);
    for await (const event of execution.events()) reporter.onEvent(event as unknown as ProgressEvent);
  }
  const result = await execution.result();
  return executionReport(result, execution.history());
}
