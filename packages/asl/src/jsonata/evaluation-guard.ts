import type jsonata from 'jsonata';
import { JsonataEvaluationError } from './jsonata-errors';

/** Limits on one evaluation, so that no expression can hang or exhaust the process. */
export interface JsonataGuardrails {
  /** Wall-clock limit in milliseconds (default 5000). */
  readonly timeoutMs?: number;
  /** Deepest nesting of evaluation steps, which bounds recursion (default 500). */
  readonly maxDepth?: number;
  /** Longest array or sequence any step may produce (default 1,000,000). */
  readonly maxSequenceLength?: number;
  /**
   * Longest string any step may produce (default 10,000,000 characters). Functions such as
   * `$length` and `$substring` turn a string into an array of its characters, which for a string
   * of some hundred million characters aborts the process rather than failing.
   */
  readonly maxStringLength?: number;
}

export const DEFAULT_JSONATA_GUARDRAILS: Required<JsonataGuardrails> = {
  timeoutMs: 5000,
  maxDepth: 500,
  maxSequenceLength: 1_000_000,
  maxStringLength: 10_000_000,
};

/**
 * Binding name under which each evaluation carries its own guard. Variables starting with `__`
 * are refused at compile time, so expressions cannot reach it.
 */
export const GUARD_BINDING = '__stepwise_guard';

export class EvaluationGuard {
  private depth = 0;
  private readonly started = Date.now();
  private readonly limits: Required<JsonataGuardrails>;

  constructor(guardrails: JsonataGuardrails = {}) {
    this.limits = { ...DEFAULT_JSONATA_GUARDRAILS, ...guardrails };
  }

  enter(): void {
    this.depth++;
    this.check();
  }

  exit(result: unknown): void {
    this.depth--;
    if (Array.isArray(result) && result.length > this.limits.maxSequenceLength) {
      throw new JsonataEvaluationError(
        `The JSONata expression produced an array of ${result.length} items, more than the limit of ${this.limits.maxSequenceLength}`,
      );
    }
    if (typeof result === 'string' && result.length > this.limits.maxStringLength) {
      throw new JsonataEvaluationError(
        `The JSONata expression produced a string of ${result.length} characters, more than the limit of ${this.limits.maxStringLength}`,
      );
    }
    this.check();
  }

  private check(): void {
    if (this.depth > this.limits.maxDepth) {
      throw new JsonataEvaluationError(
        `The JSONata expression exceeded the maximum evaluation depth of ${this.limits.maxDepth}: check for non-terminating recursion`,
      );
    }
    if (Date.now() - this.started > this.limits.timeoutMs) {
      throw new JsonataEvaluationError(
        `The JSONata expression did not finish within ${this.limits.timeoutMs} ms: check for an infinite loop`,
      );
    }
  }
}

interface HookEnvironment {
  readonly isParallelCall?: boolean;
  lookup(name: string): unknown;
}

/**
 * The "timebox" technique from the jsonata documentation: jsonata calls these hooks around every
 * evaluation step. They are installed once per compiled expression and find the guard of the
 * evaluation in progress through its bindings, so concurrent evaluations do not share counters.
 */
export function installEvaluationGuard(expression: jsonata.Expression): void {
  const guardOf = (environment: HookEnvironment): EvaluationGuard | undefined => {
    const guard = environment.lookup(GUARD_BINDING);
    return guard instanceof EvaluationGuard ? guard : undefined;
  };
  const assign = expression.assign as (name: string | symbol, value: unknown) => void;
  assign(
    Symbol.for('jsonata.__evaluate_entry'),
    (_expr: unknown, _input: unknown, environment: HookEnvironment) => {
      if (!environment.isParallelCall) guardOf(environment)?.enter();
    },
  );
  assign(
    Symbol.for('jsonata.__evaluate_exit'),
    (_expr: unknown, _input: unknown, environment: HookEnvironment, result: unknown) => {
      if (!environment.isParallelCall) guardOf(environment)?.exit(result);
    },
  );
}
