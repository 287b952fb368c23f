/** Who an execution is: the values `$$.Execution` and `$$.StateMachine` report. */
export interface ExecutionIdentity {
  readonly executionArn: string;
  readonly name: string;
  readonly roleArn: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly startTime: string;
  readonly redriveCount: number;
}

export interface StateContext {
  readonly name: string;
  readonly enteredTime: string;
  /** Present on states that can retry (Task, Parallel, Map). */
  readonly retryCount?: number;
  readonly taskToken?: string;
  readonly mapItem?: MapItemContext;
}

export interface MapItemContext {
  readonly index: number;
  readonly value: unknown;
}

/** The parts of `$$` that stay the same for the whole execution, built once. */
export interface ExecutionContextParts {
  readonly Execution: Readonly<Record<string, unknown>>;
  readonly StateMachine: Readonly<Record<string, unknown>>;
}

export function executionContextParts(identity: ExecutionIdentity, input: unknown): ExecutionContextParts {
  return {
    Execution: {
      Id: identity.executionArn,
      Input: input,
      StartTime: identity.startTime,
      Name: identity.name,
      RoleArn: identity.roleArn,
      RedriveCount: identity.redriveCount,
    },
    StateMachine: { Id: identity.stateMachineArn, Name: identity.stateMachineName },
  };
}

/** The context object (`$$`, `$states.context`) as one state sees it. */
export function contextObject(parts: ExecutionContextParts, state: StateContext): Record<string, unknown> {
  const stateObject: Record<string, unknown> = { Name: state.name, EnteredTime: state.enteredTime };
  if (state.retryCount !== undefined) stateObject.RetryCount = state.retryCount;
  const context: Record<string, unknown> = {
    Execution: parts.Execution,
    StateMachine: parts.StateMachine,
    State: stateObject,
  };
  if (state.taskToken !== undefined) context.Task = { Token: state.taskToken };
  if (state.mapItem !== undefined) {
    context.Map = { Item: { Index: state.mapItem.index, Value: state.mapItem.value } };
  }
  return context;
}
