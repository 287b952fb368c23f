import { validate } from '@stepwise/asl';
import { describe, expect, it } from 'vitest';
import { orderWorkflow } from './order-workflow';

const expected = {
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

describe('the order workflow', () => {
  it('compiles to exactly the definition our users know', () => {
    expect(orderWorkflow.compile()).toEqual(expected);
  });

  it('keeps key order and state order as written', () => {
    expect(orderWorkflow.toJSON()).toBe(JSON.stringify(expected));
  });

  it('passes the ASL validator with no error', () => {
    const result = validate(orderWorkflow.compile() as never);
    expect(result.diagnostics.filter((d: { severity: string }) => d.severity === 'ERROR')).toEqual([]);
  });

  it('exposes the schemas behind its types', () => {
    const schemas = orderWorkflow.schemas;
    expect(schemas.input.parse({ orderId: 'o-1', items: [] })).toEqual({ orderId: 'o-1', items: [] });
    expect(Object.keys(schemas.states)).toEqual(['Validate Order']);
  });
});
