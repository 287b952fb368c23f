/** What a distributed Map hands to its ResultWriter. */
export interface ResultWriteRequest {
  readonly mapRunArn: string;
  readonly resource: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly succeeded: readonly unknown[];
  readonly failed: readonly unknown[];
}

/** Stores a distributed Map's results and says where they went (`ResultWriterDetails`). */
export type ResultWriter = (request: ResultWriteRequest) => Promise<unknown> | unknown;
