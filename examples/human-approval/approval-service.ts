import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Runtime, ServiceHandler } from '@stepwise/runtime';

/** A request waiting for a person, as the approver sees it. */
export interface PendingApproval {
  readonly id: string;
  readonly request: unknown;
}

/**
 * The approvals inbox and its HTTP API, on 127.0.0.1:
 * - `GET /pending` lists the requests waiting for a decision;
 * - `POST /decisions` with `{ id, approved, approver, comment }` answers one, which completes the
 *   workflow's waiting task through `sendTaskSuccess` or `sendTaskFailure`.
 * The task token never leaves the server: approvers only see an id.
 */
export class ApprovalService {
  private readonly pending = new Map<string, { request: unknown; taskToken: string }>();
  private server: Server | undefined;
  private ids = 0;

  constructor(private readonly runtime: Runtime) {}

  /** Serves `arn:aws:states:::sns:publish`: the "notification" lands in the inbox. */
  readonly publish: ServiceHandler = (parameters) => {
    const { Message } = parameters as { Message: { request: unknown; taskToken: string } };
    const id = `approval-${++this.ids}`;
    this.pending.set(id, { request: Message.request, taskToken: Message.taskToken });
    return { MessageId: id };
  };

  async listen(): Promise<string> {
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: Error) => reply(response, 500, { error: error.message }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method === 'GET' && request.url === '/pending') {
      const list: PendingApproval[] = [...this.pending].map(([id, { request: body }]) => ({
        id,
        request: body,
      }));
      return reply(response, 200, list);
    }
    if (request.method === 'POST' && request.url === '/decisions') {
      const decision = JSON.parse(await readBody(request)) as {
        id: string;
        approved: boolean;
        approver: string;
        comment?: string;
      };
      const waiting = this.pending.get(decision.id);
      if (!waiting) return reply(response, 404, { error: `no pending approval ${decision.id}` });
      this.pending.delete(decision.id);
      if (decision.approved) {
        await this.runtime.sendTaskSuccess(waiting.taskToken, {
          approver: decision.approver,
          comment: decision.comment ?? '',
        });
      } else {
        await this.runtime.sendTaskFailure(
          waiting.taskToken,
          'Approval.Rejected',
          `${decision.approver}: ${decision.comment ?? 'rejected'}`,
        );
      }
      return reply(response, 204);
    }
    reply(response, 404, { error: 'not found' });
  }
}

function reply(response: ServerResponse, status: number, body?: unknown): void {
  response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}
