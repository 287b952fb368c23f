import type { StateMachineDefinition } from '@stepwise/asl';

const lambda = (name: string) => `arn:aws:lambda:region:account-id:function:${name}` as const;

/**
 * The order workflow our users know: validate the order, check inventory,
 * then either take the payment and ship, or notify that the item is out of
 * stock.
 */
export const orderProcessing = {
  Comment: 'A simple AWS Step Functions workflow example',
  StartAt: 'Validate Order',
  States: {
    'Validate Order': {
      Type: 'Task',
      Resource: lambda('ValidateOrderFunction'),
      Next: 'Check Inventory',
    },
    'Check Inventory': {
      Type: 'Choice',
      Choices: [{ Variable: '$.inStock', BooleanEquals: true, Next: 'Process Payment' }],
      Default: 'OutOfStock',
    },
    OutOfStock: {
      Type: 'Task',
      Resource: lambda('OutOfStockNotificationFunction'),
      End: true,
    },
    'Process Payment': {
      Type: 'Task',
      Resource: lambda('ProcessPaymentFunction'),
      Next: 'Ship Order',
    },
    'Ship Order': {
      Type: 'Task',
      Resource: lambda('ShipOrderFunction'),
      End: true,
    },
  },
} satisfies StateMachineDefinition;
