import { type Integrations, resolveTarget, type Target } from './resolve-target';

/**
 * The target of one Task state's fixed resource, resolved on first use and reused by every later
 * invocation while the runtime's handlers and services stay as they were. A plan is shared by
 * every runtime that runs its definition, so the entry also names the integrations it came from.
 * Targets made per invocation (callbacks, nested executions, activities) and failures are not kept.
 */
export class TargetCache {
  private integrations: Integrations | undefined;
  private tasksVersion = -1;
  private servicesVersion = -1;
  private target: Target | undefined;

  constructor(
    private readonly resource: string,
    private readonly stateName: string,
  ) {}

  get(integrations: Integrations): Target {
    if (
      this.target !== undefined &&
      this.integrations === integrations &&
      this.tasksVersion === integrations.tasks.version &&
      this.servicesVersion === integrations.services.version
    ) {
      return this.target;
    }
    const target = resolveTarget(integrations, this.resource, this.stateName);
    if (target.handler !== undefined) {
      this.integrations = integrations;
      this.tasksVersion = integrations.tasks.version;
      this.servicesVersion = integrations.services.version;
      this.target = target;
    }
    return target;
  }
}
