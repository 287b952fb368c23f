import { ErrorNames } from '../errors/error-names';
import { StatesError } from '../errors/runtime-errors';

/** The invocation parameters an EventBridge connection adds to every request that names it. */
export interface HttpConnection {
  readonly headers?: Readonly<Record<string, string>>;
  readonly queryParameters?: Readonly<Record<string, string>>;
}

type ArrayFormat = 'BRACKETS' | 'COMMAS' | 'INDICES' | 'REPEAT';

export interface HttpRequest {
  readonly url: string;
  readonly init: RequestInit;
}

/**
 * Turns http:invoke's parameters into a fetch request: `ApiEndpoint` plus `QueryParameters`,
 * `Method`, `Headers`, and `RequestBody` sent as JSON, or form-encoded when
 * `Transform.RequestBodyEncoding` is `URL_ENCODED` (arrays per `RequestEncodingOptions.ArrayFormat`).
 */
export function buildHttpRequest(
  parameters: Readonly<Record<string, unknown>>,
  connections: Readonly<Record<string, HttpConnection>>,
): HttpRequest {
  const endpoint = parameters.ApiEndpoint;
  const method = parameters.Method;
  if (typeof endpoint !== 'string' || typeof method !== 'string') {
    throw new StatesError(
      ErrorNames.runtime,
      'http:invoke needs the string parameters ApiEndpoint and Method.',
    );
  }
  const auth = parameters.Authentication as { ConnectionArn?: unknown } | undefined;
  const connection = typeof auth?.ConnectionArn === 'string' ? connections[auth.ConnectionArn] : undefined;
  const url = new URL(endpoint);
  const query = { ...connection?.queryParameters, ...asRecord(parameters.QueryParameters) };
  for (const [key, value] of formPairs(query, 'REPEAT')) url.searchParams.append(key, value);
  const headers = new Headers();
  for (const [key, value] of Object.entries({ ...connection?.headers, ...asRecord(parameters.Headers) })) {
    headers.set(key, String(value));
  }
  const init: RequestInit = { method: method.toUpperCase(), headers };
  const body = parameters.RequestBody;
  if (body !== undefined && init.method !== 'GET' && init.method !== 'HEAD') {
    const transform = asRecord(parameters.Transform);
    if (transform.RequestBodyEncoding === 'URL_ENCODED') {
      const options = asRecord(transform.RequestEncodingOptions);
      const format = (options.ArrayFormat as ArrayFormat | undefined) ?? 'INDICES';
      init.body = new URLSearchParams(formPairs(asRecord(body), format)).toString();
      if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded');
    } else if (typeof body === 'string') {
      init.body = body;
    } else {
      init.body = JSON.stringify(body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=UTF-8');
    }
  }
  return { url: url.toString(), init };
}

/** Form pairs for an object: nested objects as `a[b]`, arrays as the chosen format spells them. */
export function formPairs(value: Readonly<Record<string, unknown>>, format: ArrayFormat): [string, string][] {
  const pairs: [string, string][] = [];
  const visit = (key: string, item: unknown): void => {
    if (Array.isArray(item)) {
      if (format === 'COMMAS') pairs.push([key, item.map(scalar).join(',')]);
      else
        item.forEach((element, i) => {
          const name = format === 'BRACKETS' ? `${key}[]` : format === 'INDICES' ? `${key}[${i}]` : key;
          visit(name, element);
        });
    } else if (item !== null && typeof item === 'object') {
      for (const [child, nested] of Object.entries(item)) visit(`${key}[${child}]`, nested);
    } else if (item !== undefined) {
      pairs.push([key, scalar(item)]);
    }
  };
  for (const [key, item] of Object.entries(value)) visit(key, item);
  return pairs;
}

function scalar(value: unknown): string {
  return value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
