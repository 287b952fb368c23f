/**
 * Variables visible to a state. A Parallel branch or Map iteration starts from its parent's values
 * and copies them only on its first assignment, so assignments inside never leak out and a
 * 10,000-item Map does not copy the variables 10,000 times.
 */
const NO_VARIABLES: ReadonlyMap<string, unknown> = new Map();

export class VariableScope {
  private values: Map<string, unknown>;
  private owned: boolean;

  /** A top-level scope shares one empty map until its first assignment. */
  constructor(parent: ReadonlyMap<string, unknown> = NO_VARIABLES) {
    this.values = parent as Map<string, unknown>;
    this.owned = false;
  }

  get map(): ReadonlyMap<string, unknown> {
    return this.values;
  }

  /** A scope for a nested branch or iteration, seeing the current values. */
  child(): VariableScope {
    return new VariableScope(this.values);
  }

  /** Applies all of a state's assignments at once (they were evaluated against the old values). */
  assign(assignments: Readonly<Record<string, unknown>>): void {
    if (!this.owned) {
      this.values = new Map(this.values);
      this.owned = true;
    }
    for (const name of Object.keys(assignments)) this.values.set(name, assignments[name]);
  }
}
