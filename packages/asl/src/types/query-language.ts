/** The two query languages a state machine or a state can use. */
export const QUERY_LANGUAGES = ['JSONPath', 'JSONata'] as const;

export type QueryLanguage = (typeof QUERY_LANGUAGES)[number];

/**
 * A string that Step Functions evaluates as JSONata. AWS recognises an
 * expression only when the whole string is wrapped in `{%` and `%}`.
 */
export type JsonataExpression = `{%${string}%}`;

/**
 * A number in JSONata states may be written literally or computed: AWS
 * accepts an expression wherever it accepts a number.
 */
export type JsonataNumber = number | JsonataExpression;
