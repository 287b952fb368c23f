/**
 * Keeps the caller's event loop turning for a while after a call is posted to the writer thread,
 * so that its answer is read as soon as it comes. An idle event loop sleeps until the answer wakes
 * it, and on a virtual machine that wake-up costs about as much as the commit itself. Nothing is
 * blocked: each turn runs whatever else is due, then checks again.
 */
export class EventLoopSpin {
  private until = 0;
  private turning = false;

  constructor(
    private readonly spinMicros: number,
    private readonly now: () => number = performance.now.bind(performance),
    private readonly later: (turn: () => void) => void = setImmediate,
  ) {}

  /** Turns the loop for up to `spinMicros` from now, and no longer than `waiting()` holds. */
  hold(waiting: () => boolean): void {
    if (this.spinMicros <= 0) return;
    this.until = this.now() + this.spinMicros / 1000;
    if (this.turning) return;
    this.turning = true;
    const turn = () => {
      if (waiting() && this.now() < this.until) this.later(turn);
      else this.turning = false;
    };
    this.later(turn);
  }
}
