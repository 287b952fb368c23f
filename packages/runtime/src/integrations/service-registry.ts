import type { TaskContext } from '../tasks/task-handler';

/**
 * Serves one action of an AWS service (`arn:aws:states:::sqs:sendMessage`,
 * `arn:aws:states:::aws-sdk:s3:getObject`...): receives the Task's parameters and returns what the
 * service would. Throw an Error whose `name` is the service's exception name (as the AWS SDK does)
 * to fail the state with the error name AWS gives it.
 */
export type ServiceHandler = (parameters: unknown, context: TaskContext) => unknown;

/** Handlers by service, then action: `{ sqs: { sendMessage: async (params) => ({ MessageId }) } }`. */
export type ServiceHandlers = Readonly<Record<string, Readonly<Record<string, ServiceHandler>>>>;

/**
 * Service handlers by `<service>:<action>`. Services match case-insensitively (the ARN spells them
 * in lower case, code often does not); actions match exactly first, then case-insensitively.
 */
export class ServiceRegistry {
  private readonly handlers = new Map<string, ServiceHandler>();
  /** Bumped by every registration, so what was resolved before can tell it may be stale. */
  version = 0;

  constructor(handlers: ServiceHandlers = {}) {
    for (const [service, actions] of Object.entries(handlers)) {
      for (const [action, handler] of Object.entries(actions)) this.register(service, action, handler);
    }
  }

  register(service: string, action: string, handler: ServiceHandler): void {
    this.version++;
    this.handlers.set(`${service.toLowerCase()}:${action}`, handler);
    this.handlers.set(`${service.toLowerCase()}:${action.toLowerCase()}`, handler);
  }

  find(service: string, action: string): ServiceHandler | undefined {
    const key = `${service.toLowerCase()}:${action}`;
    return this.handlers.get(key) ?? this.handlers.get(key.toLowerCase());
  }
}
