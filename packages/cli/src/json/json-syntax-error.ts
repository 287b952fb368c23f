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
    /** The file the text was read from, as the command line named it, once known. */
    readonly file?: string,
  ) {
    super(message);
  }

  /** The same error, saying which file it is in. */
  inFile(file: string): JsonSyntaxError {
    return new JsonSyntaxError(this.message, this.position, this.text, file);
  }

  /** `file:line:column - message`, as compilers print a place. */
  get located(): string {
    const { line, column } = this.position;
    return `${this.file ?? '<input>'}:${line}:${column} - ${this.message}`;
  }
}
