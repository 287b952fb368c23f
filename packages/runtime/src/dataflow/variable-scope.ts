/**
 * Variables visible to a state. A Parallel branch or Map iteration starts from its parent's values
 * and copies them only on its first assignment, so assignments inside never leak out and a
 * 10,000-item Map does not copy the variables 10,000 times.
 */
export class VariableScope {
  private values: Map<string, unknown>;
  private owned: boolean;

  constructor(parent?: ReadonlyMap<string, unknown>) {
    this.values = parent ? (parent as Map<string, unknown>) : new Map();
    this.owned = parent === undefined;
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
