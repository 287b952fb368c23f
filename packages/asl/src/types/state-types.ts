/** Every value the `Type` field of a state can take. */
export const STATE_TYPES = ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const;

export type StateType = (typeof STATE_TYPES)[number];
