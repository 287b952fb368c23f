import { validate } from '@stepwise/asl';
import { describe, expect, it } from 'vitest';
import { orderProcessing } from './workflow';

describe('the order-processing example', () => {
  it('is a valid state machine', () => {
    expect(validate(orderProcessing)).toEqual({ ok: true, diagnostics: [] });
  });

  it('checks inventory after validating and branches on $.inStock', () => {
    expect(orderProcessing.States['Validate Order'].Next).toBe('Check Inventory');
    expect(orderProcessing.States['Check Inventory'].Choices).toEqual([
      { Variable: '$.inStock', BooleanEquals: true, Next: 'Process Payment' },
    ]);
    expect(orderProcessing.States['Check Inventory'].Default).toBe('OutOfStock');
  });
});
