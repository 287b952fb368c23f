import { StepwiseError } from '@stepwise/asl';

/** No activity is registered under this ARN. */
export class ActivityDoesNotExistError extends StepwiseError {
  readonly code = 'ACTIVITY_DOES_NOT_EXIST';
  readonly awsName = 'ActivityDoesNotExist';
  constructor(readonly activityArn: string) {
    super(`Activity Does Not Exist: '${activityArn}'`);
  }
}
