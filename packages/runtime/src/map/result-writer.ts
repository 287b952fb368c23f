import type { FailedIteration } from './run-iterations';

/** What a distributed Map hands to its ResultWriter. */
export interface ResultWriteRequest {
  readonly mapRunArn: string;
  readonly resource: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Outputs of the iterations that succeeded, in item order. */
  readonly succeeded: readonly unknown[];
  /** Iterations that failed within the tolerated threshold, with their input and error. */
  readonly failed: readonly FailedIteration[];
}

/** Stores a distributed Map's results and says where they went (`ResultWriterDetails`). */
export type ResultWriter = (request: ResultWriteRequest) => Promise<unknown> | unknown;
