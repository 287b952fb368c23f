/** The order workflow's ASL, as the example compiles it: test data that does not depend on the builder. */
export const orderDefinition = {
  Comment: 'A simple AWS Step Functions workflow example',
  StartAt: 'Validate Order',
  States: {
    'Validate Order': {
      Type: 'Task',
      Resource: 'arn:aws:lambda:region:account-id:function:ValidateOrderFunction',
      Next: 'Check Inventory',
    },
    'Check Inventory': {
      Type: 'Choice',
      Choices: [{ Variable: '$.inStock', BooleanEquals: true, Next: 'Process Payment' }],
      Default: 'OutOfStock',
    },
    OutOfStock: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:region:account-id:function:OutOfStockNotificationFunction',
      End: true,
    },
    'Process Payment': {
      Type: 'Task',
      Resource: 'arn:aws:lambda:region:account-id:function:ProcessPaymentFunction',
      Next: 'Ship Order',
    },
    'Ship Order': {
      Type: 'Task',
      Resource: 'arn:aws:lambda:region:account-id:function:ShipOrderFunction',
      End: true,
    },
  },
};
