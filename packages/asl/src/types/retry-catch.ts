import type { Assign, JsonataTemplate } from './common';
import type { ErrorName } from './error-names';

/** How Step Functions randomises the delay between retries. */
export const JITTER_STRATEGIES = ['FULL', 'NONE'] as const;

export type JitterStrategy = (typeof JITTER_STRATEGIES)[number];

/** One entry of a `Retry` array. The same in both query languages. */
export interface Retrier {
  ErrorEquals: ErrorName[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: JitterStrategy;
  Comment?: string;
}

interface CatcherBase {
  ErrorEquals: ErrorName[];
  Next: string;
  Assign?: Assign;
  Comment?: string;
}

/** A fallback of a JSONPath state: the error output is placed with `ResultPath`. */
export interface JsonPathCatcher extends CatcherBase {
  ResultPath?: string | null;
}

/** A fallback of a JSONata state: the error output is shaped with `Output`. */
export interface JsonataCatcher extends CatcherBase {
  Output?: JsonataTemplate;
}

export type Catcher = JsonPathCatcher | JsonataCatcher;
