/** What JSONPath-language fields read: `$`, `$$` and `$name`. */
export interface PathScope {
  readonly input: unknown;
  readonly context?: unknown;
  readonly variables?: ReadonlyMap<string, unknown>;
}

/** What JSONata-language fields read through `$states` and `$name`. */
export interface JsonataScope {
  readonly input: unknown;
  readonly context: unknown;
  readonly variables: ReadonlyMap<string, unknown>;
  readonly result?: unknown;
  readonly errorOutput?: unknown;
  readonly env?: EvaluationEnv;
}

/** Everything an evaluator may need besides the data: injectable randomness. */
export interface EvaluationEnv {
  readonly random: () => number;
  readonly uuid: () => string;
  /** The execution's clock, which JSONata's `$now` and `$millis` read. */
  readonly now?: () => number;
}
