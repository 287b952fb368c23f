import { StatesError } from '../errors/runtime-errors';
import type { TaskHandler } from '../tasks/task-handler';
import { buildHttpRequest, type HttpConnection } from './http-request';

/** What http:invoke returns: AWS's response shape. */
export interface HttpInvokeResult {
  readonly Headers: Readonly<Record<string, string[]>>;
  readonly ResponseBody: unknown;
  readonly StatusCode: number;
  readonly StatusText: string;
}

/** AWS gives up on an HTTP endpoint that has not answered within 60 seconds. */
const SOCKET_TIMEOUT_MS = 60_000;

/**
 * `arn:aws:states:::http:invoke`: a real request through `fetch`. A 2xx answer is the result; any
 * other status fails with `States.Http.StatusCode.<code>` (the response as the cause), and a
 * request that never gets an answer (refused, reset, unreachable, 60 s without one) fails with
 * `States.Http.Socket`.
 */
export function httpInvokeHandler(
  fetchImpl: typeof fetch,
  connections: Readonly<Record<string, HttpConnection>>,
): TaskHandler {
  return async (input, context) => {
    const request = buildHttpRequest((input ?? {}) as Readonly<Record<string, unknown>>, connections);
    const signal = AbortSignal.any([context.signal, AbortSignal.timeout(SOCKET_TIMEOUT_MS)]);
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(request.url, { ...request.init, signal });
      text = await response.text();
    } catch (error) {
      if (context.signal.aborted) throw context.signal.reason;
      throw new StatesError('States.Http.Socket', describeNetworkError(error, request.url));
    }
    const result: HttpInvokeResult = {
      Headers: headersOf(response),
      ResponseBody: bodyOf(text, response.headers.get('content-type')),
      StatusCode: response.status,
      StatusText: response.statusText,
    };
    if (!response.ok)
      throw new StatesError(`States.Http.StatusCode.${response.status}`, JSON.stringify(result));
    return result;
  };
}

function headersOf(response: Response): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  response.headers.forEach((value, key) => {
    headers[key] = key === 'set-cookie' ? response.headers.getSetCookie() : [value];
  });
  return headers;
}

function bodyOf(text: string, contentType: string | null): unknown {
  if (contentType && /\bjson\b/i.test(contentType) && text.length > 0) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function describeNetworkError(error: unknown, url: string): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const detail =
    typeof cause?.code === 'string'
      ? cause.code
      : error instanceof Error && error.name === 'TimeoutError'
        ? `no response within ${SOCKET_TIMEOUT_MS / 1000} seconds`
        : error instanceof Error
          ? error.message
          : String(error);
  return `The HTTP request to ${url} failed: ${detail}`;
}
