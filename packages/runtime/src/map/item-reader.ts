/** What an ItemReader asks for, with its Parameters/Arguments already evaluated. */
export interface ItemReadRequest {
  readonly resource: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly readerConfig: Readonly<Record<string, unknown>>;
  readonly signal: AbortSignal;
}

/** Supplies a distributed Map's items from somewhere other than the state input. */
export type ItemReader = (request: ItemReadRequest) => Promise<readonly unknown[]> | readonly unknown[];

/** Readers by ItemReader `Resource` (exact ARN). */
export type ItemReaderRegistry = ReadonlyMap<string, ItemReader>;
