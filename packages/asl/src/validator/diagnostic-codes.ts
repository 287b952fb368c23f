/**
 * Every diagnostic the validator can report, with a one-line description.
 *
 * The codes that AWS's ValidateStateMachineDefinition also uses keep AWS's
 * spelling (SCHEMA_VALIDATION_FAILED, MISSING_TRANSITION_TARGET, ...), so a
 * diagnostic reads the same locally as it would from the service.
 */
export const DIAGNOSTIC_CODES = {
  SCHEMA_VALIDATION_FAILED: 'A field is missing, unknown, or has the wrong type or value.',
  MISSING_TRANSITION_TARGET: 'StartAt, Next, Default or a catcher names a state that does not exist.',
  MISSING_END_STATE: 'The machine (or a branch or item processor) has no terminal state.',
  UNREACHABLE_STATE: 'No transition leads to the state from StartAt.',
  DUPLICATE_STATE_NAME:
    'The same state name appears more than once in the machine, nested machines included.',
  INVALID_STATE_NAME: 'A state name is empty, longer than 80 characters or contains control characters.',
  INVALID_JSONPATH: 'A JSONPath expression does not parse.',
  INVALID_REFERENCE_PATH:
    'A field that needs a reference path holds a path with filters, wildcards or slices.',
  INVALID_INTRINSIC: 'An intrinsic function call does not parse or names an unknown function.',
  INVALID_JSONATA: 'A JSONata expression does not parse, or a JSONata field does not hold one where it must.',
  FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE: "A field belongs to the other query language than the state's.",
  INVALID_QUERY_LANGUAGE_SWITCH: 'A state of a JSONata machine declares JSONPath.',
  NEXT_AND_END: 'A state has both Next and End.',
  MISSING_NEXT_OR_END: 'A state that must transition has neither Next nor End: true.',
  CHOICE_RULE_WITHOUT_NEXT: 'A top-level choice rule has no Next.',
  CHOICE_RULE_WITHOUT_COMPARISON: 'A choice rule has no comparison operator, And, Or, Not or Condition.',
  CHOICE_RULE_MULTIPLE_COMPARISONS: 'A choice rule has more than one comparison operator.',
  NESTED_CHOICE_RULE_WITH_NEXT: 'A rule nested in And, Or or Not has a Next.',
  INVALID_STRING_MATCHES_PATTERN: 'A StringMatches pattern uses an escape other than \\* or \\\\.',
  INVALID_TIMESTAMP: 'A timestamp literal is not an RFC 3339 date-time with an upper-case T and a time zone.',
  INVALID_ERROR_NAME:
    'ErrorEquals is empty, or States.ALL is not alone or not in the last retrier or catcher.',
  INVALID_RETRY_FIELD: 'A retrier field is out of range (IntervalSeconds, MaxAttempts, BackoffRate, ...).',
  WAIT_MULTIPLE_DURATIONS:
    'A Wait state has no or several of Seconds, SecondsPath, Timestamp, TimestampPath.',
  MUTUALLY_EXCLUSIVE_FIELDS:
    'Two fields that exclude each other are both present (e.g. TimeoutSeconds and TimeoutSecondsPath).',
  MAP_PROCESSOR_CONFLICT: 'A Map state has both ItemProcessor and Iterator, or neither.',
  INVALID_PAYLOAD_TEMPLATE:
    'A payload template has a ".$" key whose value is not a string, or a key both with and without ".$".',
  NO_DOLLAR: 'A payload template value looks like a path or intrinsic but its key does not end in ".$".',
  PASS_RESULT_IS_STATIC: 'A Pass state\'s Result contains a ".$" key; Result is never evaluated.',
} as const satisfies Record<string, string>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
