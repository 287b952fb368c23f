/** Definitions the distributed-Map child tests run. */

export const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

/** An ItemProcessor (without ProcessorConfig) of one Task state. */
export const oneTask = (resource: string, name = 'Work') => ({
  StartAt: name,
  States: { [name]: { Type: 'Task', Resource: resource, End: true } },
});

/** A distributed Map state running `processor` for each item (of `$.items` unless `fields` say). */
export function distributedState(
  processor: object,
  fields: object = { ItemsPath: '$.items' },
  executionType = 'STANDARD',
) {
  return {
    Type: 'Map',
    ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: executionType }, ...processor },
    ...fields,
    End: true,
  };
}

/** A machine of one distributed Map over `$.items`, each child running one Task on its item. */
export function distributedMap(
  fields: object = {},
  executionType = 'STANDARD',
  processor: object = oneTask(fn('work')),
) {
  return {
    StartAt: 'Each',
    States: { Each: distributedState(processor, { ItemsPath: '$.items', ...fields }, executionType) },
  };
}
