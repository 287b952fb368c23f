/**
 * The context object (`$$` in JSONPath, `$states.context` in JSONata).
 * `Item` is the type of the current Map item where one exists.
 */
export interface ContextObject<Item = never> {
  readonly Execution: {
    readonly Id: string;
    readonly Input: unknown;
    readonly Name: string;
    readonly RoleArn: string;
    readonly StartTime: string;
    readonly RedriveCount: number;
    readonly RedriveTime: string;
  };
  readonly State: { readonly EnteredTime: string; readonly Name: string; readonly RetryCount: number };
  readonly StateMachine: { readonly Id: string; readonly Name: string };
  readonly Task: { readonly Token: string };
  readonly Map: { readonly Item: { readonly Index: number; readonly Value: Item } };
}

/** What a Catch passes on: the error name and its cause. */
export interface ErrorOutput {
  readonly Error: string;
  readonly Cause: string;
}
