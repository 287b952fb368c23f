import { StepwiseError } from '@stepwise/asl';

/** No state machine is registered under this ARN. */
export class StateMachineDoesNotExistError extends StepwiseError {
  readonly code = 'STATE_MACHINE_DOES_NOT_EXIST';
  readonly awsName = 'StateMachineDoesNotExist';
  constructor(readonly stateMachineArn: string) {
    super(`State Machine Does Not Exist: '${stateMachineArn}'`);
  }
}

/** The call needs another type of state machine (StartSyncExecution runs Express machines only). */
export class StateMachineTypeNotSupportedError extends StepwiseError {
  readonly code = 'STATE_MACHINE_TYPE_NOT_SUPPORTED';
  readonly awsName = 'StateMachineTypeNotSupported';
  constructor(readonly stateMachineArn: string) {
    super(`This operation is not supported by this type of state machine: '${stateMachineArn}'`);
  }
}

/** A state machine of this name exists with another definition (AWS's StateMachineAlreadyExists). */
export class StateMachineAlreadyExistsError extends StepwiseError {
  readonly code = 'STATE_MACHINE_ALREADY_EXISTS';
  readonly awsName = 'StateMachineAlreadyExists';
  constructor(readonly stateMachineArn: string) {
    super(`State Machine Already Exists: '${stateMachineArn}'; updateStateMachine changes its definition`);
  }
}
