import { StepwiseError } from '@stepwise/asl';

export type NamedResource = 'execution' | 'state machine' | 'alias' | 'activity';

/** A name AWS would refuse (StartExecution, CreateStateMachine, CreateStateMachineAlias, CreateActivity). */
export class InvalidNameError extends StepwiseError {
  readonly code = 'INVALID_NAME';
  /** The exception name the Step Functions API uses. */
  readonly awsName = 'InvalidName';
  constructor(
    readonly resource: NamedResource,
    /** The name refused. */
    readonly given: unknown,
    why: string,
  ) {
    super(`Invalid ${resource} name ${JSON.stringify(String(given))}: ${why}`);
  }
}

// White space, brackets, wildcards and the special characters AWS lists (control characters apart).
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/]/;
// An alias may not be all digits: its ARN would read as a version's.
const ALIAS = /^(?=.*[a-zA-Z_.-])[a-zA-Z0-9_.-]+$/;

/**
 * Checks a name the caller chose, as AWS does: 1 to 80 characters, none of them white space,
 * brackets, wildcards, `" # % \ ^ | ~ ` $ & , ; : /` or control characters; an alias only letters,
 * digits, `_ . -` and not digits alone. A name goes into an ARN, where a colon or slash would
 * change what the ARN names.
 */
export function checkName(resource: NamedResource, name: unknown): void {
  if (typeof name !== 'string') throw new InvalidNameError(resource, name, 'a name is a string.');
  if (name.length < 1 || name.length > 80) {
    throw new InvalidNameError(resource, name, 'a name has 1 to 80 characters.');
  }
  // Half of a surrogate pair is no character: a store's text would hold U+FFFD in its place, and
  // the name would no longer be the one asked for.
  if (LONE_SURROGATE.test(name)) {
    throw new InvalidNameError(resource, name, 'a name is well-formed Unicode (no lone surrogate).');
  }
  if (resource === 'alias' ? !ALIAS.test(name) : FORBIDDEN.test(name) || hasControl(name)) {
    const allowed =
      resource === 'alias'
        ? 'an alias has letters, digits, _ . - only, and not digits alone.'
        : 'a name has no white space, brackets, wildcards, control characters or any of " # % \\ ^ | ~ ` $ & , ; : /.';
    throw new InvalidNameError(resource, name, allowed);
  }
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** U+0000 to U+001F and U+007F to U+009F. */
function hasControl(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
