import { validate } from '@stepwise/asl';
import { createRuntime } from '@stepwise/runtime';
import { describe, expect, it } from 'vitest';
import { orderHandlers } from './handlers';
import { orderProcessing } from './workflow';

const statesEntered = (events: readonly { type: string; stateEnteredEventDetails?: { name: string } }[]) =>
  events.flatMap((event) => (event.stateEnteredEventDetails ? [event.stateEnteredEventDetails.name] : []));

describe('the order-processing example', () => {
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
});
