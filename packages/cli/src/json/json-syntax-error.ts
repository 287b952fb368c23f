import { StepwiseError } from '@stepwise/asl';
import type { SourcePosition } from './source-position';

/** The text is not JSON; `position` is where the parser gave up. */
export class JsonSyntaxError extends StepwiseError {
  readonly code = 'JSON_SYNTAX_ERROR';

  constructor(
    message: string,
    readonly position: SourcePosition,
    /** The text that failed to parse, so that a code frame can show the place. */
    readonly text: string,
  ) {
    super(message);
  }
}
