import type { Workload } from '../workloads';

/** One runtime under measurement: prepares a workload once, then runs all its executions. */
export interface Engine {
  readonly name: string;
  prepare(workload: Workload): PreparedWorkload;
}

export interface PreparedWorkload {
  /** Starts every execution of the workload at once and resolves with their outputs. */
  run(): Promise<unknown[]>;
}
