import { TaskFailedError } from '../errors/runtime-errors';
import { InvalidTokenError, TaskDoesNotExistError, TaskTimedOutError } from './callback-errors';

/** What a task waiting on its token is told. */
export interface TokenWaiter {
  resolve(output: unknown): void;
  reject(error: Error): void;
  /** `at`: when a heartbeat applied late (stored, then read back) was sent; unset: now. */
  heartbeat(at?: number): void;
}

type Closed = 'answered' | 'timed-out';

/** AWS caps task tokens at 1024 characters. */
const MAX_TOKEN_LENGTH = 1024;
/** How many closed tokens are remembered, so late answers get the precise error. */
const MAX_CLOSED = 10_000;

/**
 * The tokens of tasks waiting for a callback (`.waitForTaskToken` and activities). The send-task
 * methods find the waiting task here; tokens stay known after they close so that a late or repeated
 * answer gets AWS's error for it rather than silence.
 */
export class TaskTokenRegistry {
  private readonly waiting = new Map<string, TokenWaiter>();
  private readonly closed = new Map<string, Closed>();

  constructor(private readonly isWellFormed: (token: string) => boolean) {}

  /** Registers a waiter; returns the function that closes the token when the wait ends. */
  wait(token: string, waiter: TokenWaiter): (how: Closed) => void {
    this.waiting.set(token, waiter);
    return (how) => {
      if (this.waiting.get(token) !== waiter) return;
      this.waiting.delete(token);
      this.remember(token, how);
    };
  }

  /**
   * Forgets how a token closed, unless a task waits on it again: its execution left this runtime's
   * memory without ending, and the task may wait on it again once the execution is replayed here.
   */
  forget(token: string): void {
    if (!this.waiting.has(token)) this.closed.delete(token);
  }

  /** True while a task is waiting on this token. */
  isWaiting(token: string): boolean {
    return this.waiting.has(token);
  }

  succeed(token: string, output: unknown): void {
    this.take(token).resolve(output);
  }

  fail(token: string, error: string | undefined, cause: string | undefined): void {
    // AWS reports a failure sent without an error name with no error at all.
    this.take(token).reject(new TaskFailedError(error as string, cause));
  }

  /** `at`: when the heartbeat was sent, if it was stored before it reached the task. */
  heartbeat(token: string, at?: number): void {
    this.find(token).heartbeat(at);
  }

  private take(token: string): TokenWaiter {
    const waiter = this.find(token);
    this.waiting.delete(token);
    this.remember(token, 'answered');
    return waiter;
  }

  private find(token: string): TokenWaiter {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
      throw new InvalidTokenError(String(token));
    }
    const waiter = this.waiting.get(token);
    if (waiter) return waiter;
    if (this.closed.get(token) === 'timed-out') throw new TaskTimedOutError(token);
    if (!this.isWellFormed(token)) throw new InvalidTokenError(token);
    throw new TaskDoesNotExistError(token);
  }

  private remember(token: string, how: Closed): void {
    this.closed.set(token, how);
    if (this.closed.size > MAX_CLOSED) {
      const oldest = this.closed.keys().next().value;
      if (oldest !== undefined) this.closed.delete(oldest);
    }
  }
}
