/**
 * Base class of every error Stepwise throws.
 *
 * Several copies of a Stepwise package can live in one process (two versions
 * in node_modules, or ESM and CJS builds side by side). A plain `instanceof`
 * would then fail across copies, so every class is branded with a
 * process-wide symbol and `instanceof` checks the brand instead of the
 * prototype chain.
 */
const BRAND = Symbol.for('@stepwise/error');

export abstract class StepwiseError extends Error {
  /** A stable, machine-readable identifier of the kind of error. */
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    Object.defineProperty(this, BRAND, { value: brandsOf(new.target), enumerable: false });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const brands = (value as { [BRAND]?: readonly string[] })[BRAND];
    if (!Array.isArray(brands)) return false;
    // `this` is the class on the right of `instanceof`; that is the point here.
    // biome-ignore lint/complexity/noThisInStatic: the receiver is the class being tested against
    return this === StepwiseError || brands.includes(this.name);
  }
}

/** Names of the class and of every Stepwise ancestor, most derived first. */
function brandsOf(ctor: Function): string[] {
  const names: string[] = [];
  for (let c: Function | null = ctor; c && c !== StepwiseError && c !== Error; c = Object.getPrototypeOf(c)) {
    names.push(c.name);
  }
  return names;
}
