import type { AbandonableCall } from '../clock/clock';
import { idempotencyKey } from '../durable/task-replay';
import { frameSignal, frameStopped } from '../engine/cancellation';
import type { Frame } from '../engine/run-context';
import { stateContext } from '../engine/state-context';
import type { StateEntry } from '../plan/compiled-state';
import type { TaskContext } from './task-handler';

/**
 * What a handler receives, as one object per call. The signal, the idempotency key and the
 * heartbeat are made on first use: most handlers touch none of them, and building an
 * AbortController, a listener on the execution's signal and a long key string per call is a large
 * part of a trivial task's cost when thousands run at once.
 */
export class HandlerContext implements TaskContext, AbandonableCall {
  private controller: AbortController | undefined;
  private key: string | undefined;
  /** Why the call ended early (timeout, missed heartbeat), when it did. */
  private expired: unknown;
  /**
   * Follows the frame's signal (the execution's stop, or in a Parallel branch or Map iteration a
   * sibling's failure too) while the handler's signal exists and the call runs.
   */
  private onStop: (() => void) | undefined;
  private released = false;
  /**
   * Set by a timed call: resets or starts the HeartbeatSeconds timer, from now or from `sentAt`
   * (a heartbeat that was stored before it reached the task).
   */
  beat: ((sentAt?: number) => void) | undefined;

  constructor(
    readonly resource: string,
    readonly stateName: string,
    private token: string | (() => string) | undefined,
    readonly attempt: number,
    private context: Readonly<Record<string, unknown>> | undefined,
    private readonly frame: Frame,
    private readonly entry: StateEntry,
    /** The lane's place when the call was scheduled, which the key is made from. */
    private readonly lanePath: string | undefined,
    private readonly laneSeq: number | undefined,
  ) {}

  get executionArn(): string {
    return this.frame.run.identity.executionArn;
  }

  /** Most handlers never read their token, and making one encodes the execution's ARN. */
  get taskToken(): string {
    const token = this.token;
    if (typeof token === 'string') return token;
    const made = token === undefined ? this.frame.run.nextTaskToken(this.frame.lane) : token();
    this.token = made;
    return made;
  }

  /** `$$` as the state sees it, built on first read when the state's fields never needed it. */
  get contextObject(): Readonly<Record<string, unknown>> {
    this.context ??= stateContext(this.frame, this.entry, {
      retryCount: this.attempt,
      taskToken: this.taskToken,
    });
    return this.context;
  }

  get idempotencyKey(): string {
    this.key ??= idempotencyKey(
      this.executionArn,
      this.frame.run.recorder,
      { cursor: 0, path: this.lanePath, seq: this.laneSeq },
      this.stateName,
      this.attempt,
      this.frame.run.identity.redriveCount,
    );
    return this.key;
  }

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      const controller = new AbortController();
      this.controller = controller;
      const stopped = frameStopped(this.frame);
      if (this.expired !== undefined) controller.abort(this.expired);
      else if (stopped !== undefined) controller.abort(stopped.reason);
      else {
        const stop = this.abandoned;
        this.onStop = () => controller.abort(stop.reason);
        stop.addEventListener('abort', this.onStop, { once: true });
      }
    }
    return this.controller.signal;
  }

  /** What ends the call from outside: the execution's stop or the branch's cancellation. */
  get abandoned(): AbortSignal {
    return frameSignal(this.frame);
  }

  heartbeat(): void {
    this.beat?.();
  }

  /** A heartbeat sent at `at`, applied late: the HeartbeatSeconds count from then. */
  heartbeatSince(at: number): void {
    this.beat?.(at);
  }

  /**
   * When the latest heartbeat stored for this call's token was sent, if the execution resumed
   * with one: its HeartbeatSeconds count from then at the latest.
   */
  get storedHeartbeatAt(): number | undefined {
    const lookup = this.frame.run.storedHeartbeatAt;
    return lookup === undefined ? undefined : lookup(this.taskToken);
  }

  /** Whether the attempt is over (settled, timed out, or a heartbeat missed): what its call does now is late. */
  get over(): boolean {
    return this.released || this.expired !== undefined;
  }

  /** The call timed out or missed a heartbeat: the handler's signal fires with that error. */
  expire(error: unknown): void {
    this.expired = error;
    this.controller?.abort(error);
  }

  /** The call is over: stop following the frame's signal. */
  release(): void {
    this.released = true;
    if (this.onStop === undefined) return;
    this.abandoned.removeEventListener('abort', this.onStop);
    this.onStop = undefined;
  }
}

/**
 * Applies a heartbeat to the call waiting on a token: one that was stored before it reached the
 * task (`at` set) counts from when it was sent.
 */
export function heartbeatSentAt(context: TaskContext, at: number | undefined): void {
  if (at !== undefined && context instanceof HandlerContext) context.heartbeatSince(at);
  else context.heartbeat();
}
