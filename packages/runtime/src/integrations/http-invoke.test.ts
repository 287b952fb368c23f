import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../engine/runtime';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      if (request.url?.startsWith('/missing')) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: 'no such order' }));
        return;
      }
      if (request.url?.startsWith('/text')) {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('plain words');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json', 'x-served-by': 'test' });
      response.end(JSON.stringify({ ok: true, method: request.method }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const httpTask = (parameters: Record<string, unknown>) => ({
  StartAt: 'Call',
  States: {
    Call: { Type: 'Task', Resource: 'arn:aws:states:::http:invoke', Parameters: parameters, End: true },
  },
});

const lastRequest = () => received[received.length - 1] as Received;

describe('http:invoke against a real server', () => {
  const runtime = createRuntime();

  it('sends Method, QueryParameters and Headers, and returns the response in AWS shape', async () => {
    const result = await runtime.execute(
      httpTask({
        ApiEndpoint: `${base}/orders`,
        Method: 'GET',
        QueryParameters: { status: 'open', page: 2 },
        Headers: { 'x-tenant': 'acme' },
      }),
    );
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { ResponseBody: { ok: true, method: 'GET' }, StatusCode: 200, StatusText: 'OK' },
    });
    const output = (result as { output: { Headers: Record<string, string[]> } }).output;
    expect(output.Headers['x-served-by']).toEqual(['test']);
    expect(lastRequest()).toMatchObject({ method: 'GET', url: '/orders?status=open&page=2' });
    expect(lastRequest().headers['x-tenant']).toBe('acme');
  });

  it('sends an object RequestBody as JSON', async () => {
    await runtime.execute(
      httpTask({ ApiEndpoint: `${base}/orders`, Method: 'POST', RequestBody: { item: 'widget', qty: 3 } }),
    );
    expect(lastRequest().method).toBe('POST');
    expect(lastRequest().headers['content-type']).toContain('application/json');
    expect(JSON.parse(lastRequest().body)).toEqual({ item: 'widget', qty: 3 });
  });

  it.each([
    ['BRACKETS', 'tags%5B%5D=a&tags%5B%5D=b&name=x'],
    ['COMMAS', 'tags=a%2Cb&name=x'],
    ['INDICES', 'tags%5B0%5D=a&tags%5B1%5D=b&name=x'],
    ['REPEAT', 'tags=a&tags=b&name=x'],
  ])('form-encodes the body with URL_ENCODED and ArrayFormat %s', async (format, expected) => {
    await runtime.execute(
      httpTask({
        ApiEndpoint: `${base}/forms`,
        Method: 'POST',
        RequestBody: { tags: ['a', 'b'], name: 'x' },
        Transform: { RequestBodyEncoding: 'URL_ENCODED', RequestEncodingOptions: { ArrayFormat: format } },
      }),
    );
    expect(lastRequest().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(lastRequest().body).toBe(expected);
  });

  it('keeps a body that is not JSON as text', async () => {
    const result = await runtime.execute(httpTask({ ApiEndpoint: `${base}/text`, Method: 'GET' }));
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { ResponseBody: 'plain words' } });
  });

  it('fails a non-2xx answer with States.Http.StatusCode.<code>, which Catch can match', async () => {
    const result = await runtime.execute({
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::http:invoke',
          Parameters: { ApiEndpoint: `${base}/missing/42`, Method: 'GET' },
          Catch: [{ ErrorEquals: ['States.Http.StatusCode.404'], Next: 'NotFound' }],
          End: true,
        },
        NotFound: { Type: 'Pass', End: true },
      },
    });
    expect(result.status).toBe('SUCCEEDED');
    const caught = (result as { output: { Error: string; Cause: string } }).output;
    expect(caught.Error).toBe('States.Http.StatusCode.404');
    expect(JSON.parse(caught.Cause)).toMatchObject({
      StatusCode: 404,
      ResponseBody: { message: 'no such order' },
    });
  });

  it('fails with States.Http.Socket when nothing listens at the endpoint', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await runtime.execute(
      httpTask({ ApiEndpoint: `http://127.0.0.1:${port}/`, Method: 'GET' }),
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Http.Socket' });
    expect((result as { cause: string }).cause).toContain('ECONNREFUSED');
  });

  it("adds a registered connection's headers for Authentication.ConnectionArn", async () => {
    const connection = 'arn:aws:events:us-east-1:123456789012:connection/Orders/1';
    const withAuth = createRuntime({
      httpConnections: { [connection]: { headers: { authorization: 'Bearer t0k' } } },
    });
    await withAuth.execute(
      httpTask({
        ApiEndpoint: `${base}/secure`,
        Method: 'GET',
        Authentication: { ConnectionArn: connection },
      }),
    );
    expect(lastRequest().headers.authorization).toBe('Bearer t0k');
  });
});
