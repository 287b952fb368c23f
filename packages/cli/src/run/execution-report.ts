/** What `stepwise run --json` prints: the outcome and the full AWS-style history. */
export interface ExecutionReport {
  status: string;
  output?: unknown;
  error?: string;
  cause?: string;
  history: readonly unknown[];
}

export function executionReport(
  result: { status: string; output?: unknown; error?: string; cause?: string },
  history: readonly unknown[],
): ExecutionReport {
  return {
    status: result.status,
    ...('output' in result ? { output: result.output } : {}),
    ...(result.error === undefined ? {} : { error: result.error }),
    ...(result.cause === undefined ? {} : { cause: result.cause }),
    history,
  };
}
