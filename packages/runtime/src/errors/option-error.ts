import { StepwiseError } from '@stepwise/asl';

/**
 * An option that cannot be used, named by `option`; each owner (a store, the durable runtime)
 * refuses its own options with a subclass of its own code.
 */
export abstract class OptionError extends StepwiseError {
  constructor(
    owner: string,
    readonly option: string,
    value: unknown,
    expected: string,
  ) {
    super(`${owner} option '${option}' must be ${expected}, but was: ${String(value)}`);
  }
}
