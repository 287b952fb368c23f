import { isIntrinsicCall, tryParseIntrinsic } from '../intrinsics';
import { parseJsonataExpression } from '../jsonata';
import { compileStringMatcher } from '../matcher';
import { isReferencePath, tryParsePath } from '../path';
import type { DiagnosticCode } from './diagnostic-codes';

/**
 * The one place the checks ask "is this expression well formed?", answered
 * by the same parsers the runtime uses. Nothing is evaluated: JSONata is
 * only parsed, paths and intrinsic calls only parsed.
 */
export interface ExpressionProblem {
  code: DiagnosticCode;
  message: string;
}

export { isIntrinsicCall };

export function pathProblem(source: string, reference: boolean): ExpressionProblem | undefined {
  const parsed = guarded(() => tryParsePath(source));
  if (!parsed?.ok) {
    const reason = parsed ? parsed.error.message : 'it could not be parsed';
    return { code: 'INVALID_JSONPATH', message: `Invalid JSONPath ${abbreviate(source)}: ${reason}` };
  }
  if (reference && !isReferencePath(parsed.path)) {
    return {
      code: 'INVALID_REFERENCE_PATH',
      message: `${abbreviate(source)} must be a reference path: names and indexes only, no "..", "*", slices or filters.`,
    };
  }
  return undefined;
}

export function intrinsicCallProblem(source: string): ExpressionProblem | undefined {
  const parsed = guarded(() => tryParseIntrinsic(source));
  if (parsed?.ok) return undefined;
  const reason = parsed ? parsed.error.message : 'it could not be parsed';
  return {
    code: 'INVALID_INTRINSIC',
    message: `Invalid intrinsic function ${abbreviate(source)}: ${reason}`,
  };
}

export function stringMatchesProblem(pattern: string): ExpressionProblem | undefined {
  try {
    compileStringMatcher(pattern);
    return undefined;
  } catch (error) {
    return {
      code: 'INVALID_STRING_MATCHES_PATTERN',
      message: `Invalid StringMatches pattern ${abbreviate(pattern)}: ${reasonOf(error)}`,
    };
  }
}

const JSONATA_OPEN = '{%';
const JSONATA_CLOSE = '%}';

/**
 * AWS treats a string as JSONata only when it starts with "{%" and ends with
 * "%}"; one that starts with "{%" without closing is taken for a mistake.
 * Other strings (even " {% x %}" with a leading space) are plain text.
 */
export function jsonataProblem(value: string): ExpressionProblem | undefined {
  if (!value.startsWith(JSONATA_OPEN)) return undefined;
  if (value.length < 4 || !value.endsWith(JSONATA_CLOSE)) {
    return {
      code: 'INVALID_JSONATA',
      message: `A JSONata expression must be the whole string, "{% ... %}": ${abbreviate(value)}`,
    };
  }
  const body = value.slice(JSONATA_OPEN.length, -JSONATA_CLOSE.length);
  if (body.trim() === '') return { code: 'INVALID_JSONATA', message: 'The JSONata expression is empty.' };
  try {
    // The runtime's own parser, so names it refuses (__proto__, ...) are refused here too.
    parseJsonataExpression(value);
    return undefined;
  } catch (error) {
    return {
      code: 'INVALID_JSONATA',
      message: `Invalid JSONata expression ${abbreviate(value)}: ${reasonOf(error)}`,
    };
  }
}

export function abbreviate(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

function reasonOf(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : error;
  return String(message);
}

/** The parsers report bad input as values; anything they throw is treated as "does not parse". */
function guarded<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}
