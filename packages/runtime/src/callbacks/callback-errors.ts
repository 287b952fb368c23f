import { StepwiseError } from '@stepwise/asl';

/**
 * The errors SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat answer with on AWS. `awsName`
 * is the exception name the Step Functions API uses, so an API server can pass it on unchanged.
 */
export abstract class TaskTokenError extends StepwiseError {
  abstract readonly awsName: string;
  constructor(
    readonly taskToken: string,
    message: string,
  ) {
    super(message);
  }
}

/** The token was never issued by this runtime, or its task has already been answered. */
export class TaskDoesNotExistError extends TaskTokenError {
  readonly code = 'TASK_DOES_NOT_EXIST';
  readonly awsName = 'TaskDoesNotExist';
  constructor(taskToken: string) {
    super(taskToken, 'Task does not exist anymore');
  }
}

/** The task timed out (TimeoutSeconds or HeartbeatSeconds) or its execution ended first. */
export class TaskTimedOutError extends TaskTokenError {
  readonly code = 'TASK_TIMED_OUT';
  readonly awsName = 'TaskTimedOut';
  constructor(taskToken: string) {
    super(taskToken, 'Task Timed Out');
  }
}

/** The string is not a task token at all. */
export class InvalidTokenError extends TaskTokenError {
  readonly code = 'INVALID_TOKEN';
  readonly awsName = 'InvalidToken';
  constructor(taskToken: string) {
    super(taskToken, 'Invalid Token');
  }
}
