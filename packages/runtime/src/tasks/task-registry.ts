import type { TaskHandler, TaskHandlerRoute, TaskHandlers } from './task-handler';

interface PatternRoute {
  readonly pattern: RegExp;
  readonly handler: TaskHandler;
}

/** Finds the handler for a resource: exact ARNs first, then patterns in registration order. */
export class TaskRegistry {
  private readonly exact = new Map<string, TaskHandler>();
  private readonly patterns: PatternRoute[] = [];
  private readonly cache = new Map<string, TaskHandler | null>();
  /** Bumped by every registration, so what was resolved before can tell it may be stale. */
  version = 0;

  constructor(handlers: TaskHandlers = {}) {
    const routes: readonly TaskHandlerRoute[] = Array.isArray(handlers)
      ? handlers
      : Object.entries(handlers as Readonly<Record<string, TaskHandler>>).map(([resource, handler]) => ({
          resource,
          handler,
        }));
    for (const route of routes) this.register(route.resource, route.handler);
  }

  register(resource: string | RegExp, handler: TaskHandler): void {
    this.cache.clear();
    this.version++;
    if (resource instanceof RegExp) this.patterns.push({ pattern: resource, handler });
    else if (resource.includes('*')) this.patterns.push({ pattern: globToRegExp(resource), handler });
    else this.exact.set(resource, handler);
  }

  find(resource: string): TaskHandler | undefined {
    const cached = this.cache.get(resource);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.exact.get(resource) ?? this.patterns.find((r) => r.pattern.test(resource))?.handler;
    this.cache.set(resource, found ?? null);
    return found;
  }
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}
