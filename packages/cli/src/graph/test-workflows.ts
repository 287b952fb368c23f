/** Definitions the graph tests draw: the order example, and one with every kind of nesting. */
export const orderDefinition = {
  Comment: 'A simple AWS Step Functions workflow example',
  StartAt: 'Validate Order',
  States: {
    'Validate Order': {
      Type: 'Task',
      Resource: 'arn:aws:lambda:region:account-id:function:Validate',
      Next: 'Check Inventory',
    },
    'Check Inventory': {
      Type: 'Choice',
      Choices: [{ Variable: '$.inStock', BooleanEquals: true, Next: 'Process Payment' }],
      Default: 'OutOfStock',
    },
    OutOfStock: { Type: 'Task', Resource: 'arn:aws:lambda:region:account-id:function:Notify', End: true },
    'Process Payment': {
      Type: 'Task',
      Resource: 'arn:aws:lambda:region:account-id:function:Pay',
      Next: 'Ship Order',
    },
    'Ship Order': { Type: 'Task', Resource: 'arn:aws:lambda:region:account-id:function:Ship', End: true },
  },
};

export const nestedDefinition = {
  StartAt: 'Fan out',
  States: {
    'Fan out': {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Left', States: { Left: { Type: 'Pass', End: true } } },
        { StartAt: 'Right', States: { Right: { Type: 'Wait', Seconds: 1, End: true } } },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Oops' }],
      Next: 'Each item',
    },
    'Each item': {
      Type: 'Map',
      ItemProcessor: {
        StartAt: 'Handle',
        States: { Handle: { Type: 'Task', Resource: 'arn:x', End: true } },
      },
      End: true,
    },
    Oops: { Type: 'Fail', Error: 'Broken' },
  },
};
