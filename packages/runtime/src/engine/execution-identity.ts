import type { ExecutionIdentity } from '../dataflow/context-object';
import type { StartExecutionOptions } from './runtime-options';

/** What a runtime names executions after when the caller does not say. */
export interface IdentityDefaults {
  readonly region: string;
  readonly accountId: string;
  readonly uuid: () => string;
  readonly now: () => number;
}

/**
 * An execution's identity. `StartTime` is formatted only when `$$` is first read: most
 * executions never read it, and formatting a date costs more than the rest of the identity.
 */
class Identity implements ExecutionIdentity {
  private formatted: string | undefined;

  constructor(
    readonly executionArn: string,
    readonly name: string,
    readonly roleArn: string,
    readonly stateMachineArn: string,
    readonly stateMachineName: string,
    private readonly startMs: number,
    readonly redriveCount: number,
  ) {}

  get startTime(): string {
    this.formatted ??= new Date(this.startMs).toISOString();
    return this.formatted;
  }
}

/** Makes identities as AWS names them, with the defaults worked out once per runtime. */
export function identityMaker(
  defaults: IdentityDefaults,
): (start: StartExecutionOptions) => ExecutionIdentity {
  const { region, accountId, uuid, now } = defaults;
  const defaultRoleArn = `arn:aws:iam::${accountId}:role/StepFunctionsRole`;
  const machineArnOf = (machineName: string) =>
    `arn:aws:states:${region}:${accountId}:stateMachine:${machineName}`;
  const defaultMachineArn = machineArnOf('StateMachine');
  return (start) => {
    const machineName = start.stateMachineName ?? 'StateMachine';
    const machineArn =
      start.stateMachineArn ??
      (start.stateMachineName === undefined ? defaultMachineArn : machineArnOf(machineName));
    const name = start.name ?? uuid();
    const express = start.type === 'EXPRESS';
    const executionArn =
      start.executionArn ??
      (express
        ? `arn:aws:states:${region}:${accountId}:express:${machineName}:${name}:${uuid()}`
        : `arn:aws:states:${region}:${accountId}:execution:${machineName}:${name}`);
    return new Identity(
      executionArn,
      name,
      start.roleArn ?? defaultRoleArn,
      machineArn,
      machineName,
      start.journal?.startTime ?? now(),
      start.redriveCount ?? 0,
    );
  };
}
