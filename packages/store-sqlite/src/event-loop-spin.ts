/**
 * Keeps the caller's event loop turning for a while after a call is posted to the writer thread,
 * so that its answer is read as soon as it comes. An idle event loop sleeps until the answer wakes
 * it, and on a virtual machine that wake-up costs about as much as the commit itself. Nothing is
 * blocked: each turn runs whatever else is due, then checks again.
 */
export class EventLoopSpin {
  private until = 0;
  private turning = false;

  /** `waiting`: whether a call still waits for its answer; the loop stops turning once none does. */
  constructor(
    private readonly spinMicros: number,
    private readonly waiting: () => boolean,
    private readonly now: () => number = performance.now.bind(performance),
    private readonly later: (turn: () => void) => void = setImmediate,
  ) {}

  /** Turns the loop for up to `spinMicros` from now, while a call waits. */
  hold(): void {
    if (this.spinMicros <= 0) return;
    this.until = this.now() + this.spinMicros / 1000;
    if (this.turning) return;
    this.turning = true;
    this.later(this.turn);
  }

  private readonly turn = (): void => {
    if (this.waiting() && this.now() < this.until) this.later(this.turn);
    else this.turning = false;
  };
}
