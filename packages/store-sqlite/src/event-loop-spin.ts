/**
 * Keeps the caller's event loop turning for a while after a call is posted to the writer thread,
 * so that its answer is read as soon as it comes. An idle event loop sleeps until the answer wakes
 * it, and on a virtual machine that wake-up costs about as much as the commit itself. Nothing is
 * blocked: each turn runs whatever else is due, then checks again.
 */
// Taken when the module loads, before a test can install fake timers: a faked setImmediate or
// clock would make the spin wait on time that only the test moves.
const realNow = performance.now.bind(performance);
const realSetImmediate = setImmediate;

/** At most this many turns per call, however the clock reads (a few microseconds each). */
const MAX_TURNS = 1000;

export class EventLoopSpin {
  private until = 0;
  private turns = 0;
  private turning = false;

  /** `waiting`: whether a call still waits for its answer; the loop stops turning once none does. */
  constructor(
    private readonly spinMicros: number,
    private readonly waiting: () => boolean,
    private readonly now: () => number = realNow,
    private readonly later: (turn: () => void) => void = realSetImmediate,
  ) {}

  /** Turns the loop for up to `spinMicros` from now, while a call waits. */
  hold(): void {
    if (this.spinMicros <= 0) return;
    this.until = this.now() + this.spinMicros / 1000;
    this.turns = 0;
    if (this.turning) return;
    this.turning = true;
    this.later(this.turn);
  }

  private readonly turn = (): void => {
    if (this.waiting() && this.now() < this.until && ++this.turns < MAX_TURNS) this.later(this.turn);
    else this.turning = false;
  };
}
