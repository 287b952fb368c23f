import { z } from 'zod';
import { choice, eq, lambda, task, workflow } from '../index';

const Order = z.object({ orderId: z.string(), items: z.array(z.string()) });
const Validated = z.object({ orderId: z.string(), inStock: z.boolean() });

/** The order workflow: validate, check inventory, then pay and ship or report that the item is out of stock. */
export const orderWorkflow = workflow({
  comment: 'A simple AWS Step Functions workflow example',
  input: Order,
}).start(
  task('Validate Order', { resource: lambda('ValidateOrderFunction'), result: Validated }).next(
    choice('Check Inventory', (c) =>
      c
        .otherwise(task('OutOfStock', { resource: lambda('OutOfStockNotificationFunction') }))
        .when(
          (s) => s.inStock,
          eq(true),
          task('Process Payment', { resource: lambda('ProcessPaymentFunction') }).next(
            task('Ship Order', { resource: lambda('ShipOrderFunction') }),
          ),
        ),
    ),
  ),
);
