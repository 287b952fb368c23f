/**
 * A distributed Map's child execution, as the Map asks for one. With a durable runtime, STANDARD
 * children run as executions of their own (stored, resumed after a restart, found again by their
 * ARN when the parent replays); otherwise each item's iteration runs inside the parent.
 */
export interface ChildExecutionRequest {
  /** The Map Run the child belongs to. */
  readonly mapRunArn: string;
  readonly index: number;
  /** The ItemProcessor as a definition of its own (without ProcessorConfig). */
  readonly definition: Readonly<Record<string, unknown>>;
  readonly input: unknown;
  /**
   * The input is the item as read (no ItemSelector or ItemBatcher), so a child found again after
   * a restart can be checked to be this item's.
   */
  readonly itemIsInput: boolean;
  /**
   * The Map Run is redriven in this attempt of its execution (see recordMapRunRedrives): its
   * children that ended without success run again. One that had finished is only replayed.
   */
  readonly runRedriven: boolean;
  /** Fires when the Map no longer needs the child: a failure beyond tolerance, or the parent stopped. */
  readonly signal: AbortSignal;
}

/**
 * Runs a child to its end and resolves with its output. A child that fails, times out or is
 * aborted rejects with a `StateFailureSignal` carrying its error and cause; a child the Map no
 * longer needs rejects with `BranchCancelled`.
 */
export type ChildExecutionRunner = (request: ChildExecutionRequest) => Promise<unknown>;

/** The definition a STANDARD child runs, or undefined when iterations run inside the parent. */
export function childDefinition(
  processor: { readonly ProcessorConfig?: Readonly<Record<string, unknown>> },
  queryLanguage: string,
): Readonly<Record<string, unknown>> | undefined {
  const config = processor.ProcessorConfig;
  if (config?.Mode !== 'DISTRIBUTED' || config.ExecutionType === 'EXPRESS') return undefined;
  const { ProcessorConfig: _config, ...graph } = processor;
  return { ...graph, QueryLanguage: queryLanguage };
}
