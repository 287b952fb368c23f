import type { DefinitionInput } from '../engine/check-definition';
import { StateMachineDoesNotExistError } from './machine-errors';

export type StateMachineType = 'STANDARD' | 'EXPRESS';

/** A state machine registered with the runtime, so that executions can name it by ARN. */
export interface StateMachine {
  readonly stateMachineArn: string;
  readonly name: string;
  readonly type: StateMachineType;
  readonly definition: DefinitionInput;
  readonly creationDate: Date;
}

/**
 * The state machines a runtime knows by ARN: what `states:startExecution` starts, and what
 * `startExecution(arn)` / `startSyncExecution(arn)` run. Registering a name again replaces its
 * definition, which is what a local edit-and-rerun loop wants.
 */
export class StateMachineRegistry {
  private readonly machines = new Map<string, StateMachine>();

  constructor(
    private readonly region: string,
    private readonly accountId: string,
  ) {}

  register(name: string, definition: DefinitionInput, type: StateMachineType, now: Date): StateMachine {
    const stateMachineArn = `arn:aws:states:${this.region}:${this.accountId}:stateMachine:${name}`;
    const machine: StateMachine = { stateMachineArn, name, type, definition, creationDate: now };
    this.machines.set(stateMachineArn, machine);
    return machine;
  }

  /** Finds a machine by ARN; a version or alias qualifier (`...:stateMachine:Name:1`) is ignored. */
  find(stateMachineArn: string): StateMachine | undefined {
    const direct = this.machines.get(stateMachineArn);
    if (direct) return direct;
    const unqualified = /^(arn:[^:]+:states:[^:]*:[^:]*:stateMachine:[^:]+):[^:]+$/.exec(stateMachineArn);
    return unqualified ? this.machines.get(unqualified[1] as string) : undefined;
  }

  require(stateMachineArn: string): StateMachine {
    const machine = this.find(stateMachineArn);
    if (!machine) throw new StateMachineDoesNotExistError(stateMachineArn);
    return machine;
  }

  list(): readonly StateMachine[] {
    return [...this.machines.values()];
  }
}
