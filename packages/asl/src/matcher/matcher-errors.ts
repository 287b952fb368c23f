import { StepwiseError } from '../errors';

/** A StringMatches pattern that cannot be read, with the offset of the problem. */
export class InvalidStringMatchesPatternError extends StepwiseError {
  readonly code = 'INVALID_STRING_MATCHES_PATTERN';
  readonly pattern: string;
  /** Zero-based offset into `pattern` of the offending character. */
  readonly position: number;

  constructor(pattern: string, position: number, reason: string) {
    super(`Invalid StringMatches pattern '${pattern}' at position ${position}: ${reason}`);
    this.pattern = pattern;
    this.position = position;
  }
}
