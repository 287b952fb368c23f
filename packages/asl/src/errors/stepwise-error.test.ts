import { describe, expect, it } from 'vitest';
import { StepwiseError } from './stepwise-error';

class ThingFailed extends StepwiseError {
  readonly code = 'THING_FAILED';
}
class SpecificThingFailed extends ThingFailed {}

describe('StepwiseError', () => {
  it('carries a stable code, a name and a message', () => {
    const error = new SpecificThingFailed('the thing broke');
    expect(error.code).toBe('THING_FAILED');
    expect(error.name).toBe('SpecificThingFailed');
    expect(error.message).toBe('the thing broke');
    expect(error).toBeInstanceOf(Error);
  });

  it('answers instanceof for its own class and its Stepwise ancestors', () => {
    const error = new SpecificThingFailed('x');
    expect(error instanceof SpecificThingFailed).toBe(true);
    expect(error instanceof ThingFailed).toBe(true);
    expect(error instanceof StepwiseError).toBe(true);
    expect(new ThingFailed('x') instanceof SpecificThingFailed).toBe(false);
  });

  it('answers instanceof across two copies of the same class', () => {
    // A second copy of the package defines a class with the same name.
    class ThingFailedCopy extends StepwiseError {
      readonly code = 'THING_FAILED';
    }
    Object.defineProperty(ThingFailedCopy, 'name', { value: 'ThingFailed' });
    expect(new ThingFailed('x') instanceof ThingFailedCopy).toBe(true);
    expect(new ThingFailedCopy('x') instanceof ThingFailed).toBe(true);
  });

  it('is false for values that are not Stepwise errors', () => {
    expect(new Error('x') instanceof StepwiseError).toBe(false);
    expect((null as unknown) instanceof StepwiseError).toBe(false);
    expect({ code: 'THING_FAILED' } instanceof ThingFailed).toBe(false);
  });
});
