import { activityHandler } from '../activities/activity-handler';
import type { ActivityRegistry } from '../activities/activity-registry';
import type { TaskTokenRegistry } from '../callbacks/task-tokens';
import { waitForTaskToken } from '../callbacks/wait-for-token';
import { ErrorNames } from '../errors/error-names';
import { StatesError } from '../errors/runtime-errors';
import type { TaskHandler } from '../tasks/task-handler';
import type { TaskRegistry } from '../tasks/task-registry';
import { httpInvokeHandler } from './http-invoke';
import type { HttpConnection } from './http-request';
import { lambdaInvokeHandler, resolveFunctionHandler } from './lambda-invoke';
import { type ParsedResource, parseResource } from './resource-arn';
import { serviceFailure, serviceNotRegistered } from './service-errors';
import type { ServiceRegistry } from './service-registry';
import { type ChildStarter, startExecutionHandler } from './start-execution';

/** Everything a Task's resource can be served by, shared by all executions of a runtime. */
export interface Integrations {
  readonly tasks: TaskRegistry;
  readonly services: ServiceRegistry;
  readonly tokens: TaskTokenRegistry;
  readonly activities: ActivityRegistry;
  readonly startChild: ChildStarter;
  readonly fetch: typeof fetch;
  readonly httpConnections: Readonly<Record<string, HttpConnection>>;
  readonly region: string;
  readonly accountId: string;
}

/** Events an integration records while it runs, beyond scheduled/started/ended. */
export interface InvocationHooks {
  /** `TaskSubmitted`: the request went out and the task now waits (callback or job). */
  submitted(output: unknown): void;
  /**
   * A durable execution resuming: the `TaskSubmitted` recorded before the restart, if there is
   * one. It is replayed then, and the request must not go out again.
   */
  submittedBefore(): { readonly output: unknown } | undefined;
  /**
   * A durable execution resuming an attempt that was scheduled before the restart: when it was
   * scheduled (ms since the epoch). Undefined for an attempt scheduled now.
   */
  readonly scheduledBefore: number | undefined;
  /** Set for a durable execution: nested executions start as durable executions of their own. */
  readonly startChild: ChildStarter | undefined;
  /** `ActivityStarted`: a worker took the activity task. */
  activityStarted(workerName: string | undefined): void;
}

/**
 * How a resource is served. Most targets are one handler for every invocation; those that record
 * events of their own while they run (callbacks, nested executions, activities) are made per
 * invocation from its hooks by `bind`.
 */
export interface Target {
  readonly handler?: TaskHandler;
  readonly bind?: (hooks: InvocationHooks) => TaskHandler;
  /**
   * The handler only waits on things the runtime's clock can see (a nested execution), so a
   * virtual clock may skip ahead meanwhile.
   */
  readonly clockVisible?: boolean;
  /** HeartbeatSeconds starts counting when the handler first calls `heartbeat()`. */
  readonly deferHeartbeat?: boolean;
}

/**
 * Picks what serves a resource. A handler registered for the exact resource always wins (raw
 * resource handlers); otherwise the ARN decides: Lambda functions, lambda:invoke, http:invoke,
 * states:startExecution, activities, and service handlers by service and action.
 * `.waitForTaskToken` serves the base resource, then waits for the token.
 */
export function resolveTarget(integrations: Integrations, resource: string, stateName: string): Target {
  const raw = integrations.tasks.find(resource);
  if (raw) return { handler: raw };
  const parsed = parseResource(resource);
  if (parsed.pattern === 'waitForTaskToken') {
    const base = resolveTarget(integrations, parsed.base, stateName);
    return {
      bind: (hooks) => waitForTaskToken(handlerOf(base, hooks), integrations.tokens, hooks),
    };
  }
  const { region, accountId } = integrations;
  switch (parsed.kind) {
    case 'lambda-function': {
      const fn = resolveFunctionHandler(integrations.tasks, resource, region, accountId);
      if (fn) return { handler: fn };
      // A function the runtime was never told about is a set-up mistake, not a task failure to
      // retry or catch, so it fails with States.Runtime and says how to register the function.
      const name = resource.split(':function:')[1]?.split(':')[0] ?? resource;
      throw new StatesError(
        ErrorNames.runtime,
        `No task handler is registered for the resource '${resource}' (state '${stateName}'). ` +
          `Register the function: createRuntime({ lambdaFunctions: { '${name}': async (event) => ... } }).`,
      );
    }
    case 'lambda-invoke':
      return { handler: lambdaInvokeHandler(integrations.tasks, region, accountId) };
    case 'http-invoke':
      return { handler: httpInvokeHandler(integrations.fetch, integrations.httpConnections) };
    case 'start-execution':
      return {
        bind: (hooks) =>
          startExecutionHandler(hooks.startChild ?? integrations.startChild, parsed.pattern, hooks),
        clockVisible: true,
      };
    case 'activity':
      if (!integrations.activities.has(resource)) {
        throw new StatesError(
          ErrorNames.runtime,
          `The activity '${resource}' does not exist (state '${stateName}'). Create it with runtime.createActivity({ name: '${resource.split(':activity:')[1]}' }).`,
        );
      }
      return {
        bind: (hooks) =>
          activityHandler(integrations.activities, integrations.tokens, resource, hooks.activityStarted),
        deferHeartbeat: true,
      };
    case 'service':
      return { handler: serviceTarget(integrations, parsed, stateName) };
    default:
      throw new StatesError(
        ErrorNames.runtime,
        `No task handler is registered for the resource '${resource}' (state '${stateName}').`,
      );
  }
}

/** The handler that serves one invocation of `target`. */
export function handlerOf(target: Target, hooks: InvocationHooks): TaskHandler {
  if (target.handler) return target.handler;
  if (target.bind) return target.bind(hooks);
  throw new Error('A task target has neither a handler nor a way to make one.');
}

function serviceTarget(integrations: Integrations, parsed: ParsedResource, stateName: string): TaskHandler {
  const handler = integrations.services.find(parsed.service ?? '', parsed.action ?? '');
  if (!handler) throw serviceNotRegistered(parsed, stateName);
  return async (input, context) => {
    try {
      return await handler(input, context);
    } catch (thrown) {
      throw serviceFailure(parsed, thrown);
    }
  };
}
