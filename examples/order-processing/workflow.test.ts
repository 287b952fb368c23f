import { readFileSync } from 'node:fs';
import { validate } from '@stepwise/asl';
import { createRuntime } from '@stepwise/runtime';
import { describe, expect, it } from 'vitest';
import { aslFile, compiledText } from './compile';
import { orderHandlers, orderProcessing, orderWorkflow } from './workflow';

const statesEntered = (events: readonly { type: string; stateEnteredEventDetails?: { name: string } }[]) =>
  events.flatMap((event) => (event.stateEnteredEventDetails ? [event.stateEnteredEventDetails.name] : []));

/** The definition users deployed before the workflow was written with the builder. */
const original = {
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

describe('the order-processing example', () => {
  it('compiles to the original definition, field for field and in the same key order', () => {
    expect(orderWorkflow.toJSON()).toBe(JSON.stringify(original));
    expect(orderProcessing).toEqual(original);
  });

  it('matches the checked-in order-processing.asl.json', () => {
    expect(readFileSync(aslFile, 'utf8')).toBe(compiledText());
  });

  it('is a valid state machine', () => {
    expect(validate(orderProcessing)).toEqual({ ok: true, diagnostics: [] });
  });

  it('takes the payment and ships an order that is in stock', async () => {
    const runtime = createRuntime({ handlers: orderHandlers });
    const execution = runtime.startExecution(orderProcessing, {
      input: { orderId: 'o-1', item: 'widget', quantity: 3, unitPrice: 5 },
    });
    expect(await execution.result()).toEqual({
      status: 'SUCCEEDED',
      output: {
        orderId: 'o-1',
        item: 'widget',
        quantity: 3,
        unitPrice: 5,
        inStock: true,
        charged: 15,
        shipped: true,
      },
    });
    expect(statesEntered(execution.history())).toEqual([
      'Validate Order',
      'Check Inventory',
      'Process Payment',
      'Ship Order',
    ]);
  });

  it('notifies instead when the item is out of stock', async () => {
    const runtime = createRuntime({ handlers: orderHandlers });
    const execution = runtime.startExecution(orderProcessing, {
      input: { orderId: 'o-2', item: 'gadget', quantity: 1, unitPrice: 99 },
    });
    const result = await execution.result();
    expect(result.status).toBe('SUCCEEDED');
    expect(statesEntered(execution.history())).toEqual(['Validate Order', 'Check Inventory', 'OutOfStock']);
  });

  it('fails with the validation error when the order has no items', async () => {
    const runtime = createRuntime({ handlers: orderHandlers });
    const result = await runtime.execute(orderProcessing, {
      input: { orderId: 'o-3', item: 'widget', quantity: 0, unitPrice: 5 },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'InvalidOrder' });
  });

  it('fails with Stepwise.SchemaValidationFailed when an order does not match the Order schema', async () => {
    const runtime = createRuntime({ handlers: orderHandlers });
    const result = await runtime.execute(orderProcessing, { input: { orderId: 'o-4', quantity: 1 } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'Stepwise.SchemaValidationFailed' });
    expect(result.status === 'FAILED' && result.cause).toMatch(
      /task "Validate Order".*\$\.item: .*\$\.unitPrice: /,
    );
  });
});
