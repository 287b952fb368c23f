import { choice, eq, lambda, task, workflow } from '@stepwise/builder';
import { z } from 'zod';

/** An order as the workflow receives it. */
export const Order = z.object({
  orderId: z.string(),
  item: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
});
export type Order = z.output<typeof Order>;

/** A validated order knows whether the stock room can serve it. */
const CheckedOrder = Order.extend({ inStock: z.boolean() });

const resources = {
  validate: lambda('ValidateOrderFunction'),
  outOfStock: lambda('OutOfStockNotificationFunction'),
  payment: lambda('ProcessPaymentFunction'),
  ship: lambda('ShipOrderFunction'),
};

/**
 * The order workflow our users know: validate the order, check inventory,
 * then either take the payment and ship, or notify that the item is out of
 * stock. The Default branch is created before the rule's branch so that the
 * states appear in the order of the original definition.
 */
export const orderWorkflow = workflow({
  comment: 'A simple AWS Step Functions workflow example',
  input: Order,
}).define((start) =>
  start
    .next(task('Validate Order', { resource: resources.validate, input: Order, result: CheckedOrder }))
    .next(
      choice('Check Inventory', (c) =>
        c
          .otherwise(task('OutOfStock', { resource: resources.outOfStock }))
          .when(
            '$.inStock',
            eq(true),
            task('Process Payment', { resource: resources.payment }).next(
              task('Ship Order', { resource: resources.ship }),
            ),
          ),
      ),
    ),
);

/** The compiled definition, as deployed and as the runtime runs it. */
export const orderProcessing = orderWorkflow.compile();

/** What the stock room has, by item. */
const stock: Readonly<Record<string, number>> = { widget: 10, gadget: 0 };

/**
 * Local stand-ins for the four Lambda functions the workflow calls, checked
 * against the task schemas: an order that is not an Order fails
 * `Validate Order` with `Stepwise.SchemaValidationFailed`.
 */
export const orderHandlers = orderWorkflow.handlers({
  [resources.validate]: (input) => {
    const order = input as Order;
    if (!order.orderId || order.quantity <= 0) {
      throw Object.assign(new Error(`order ${order.orderId} has no items`), { name: 'InvalidOrder' });
    }
    return { ...order, inStock: (stock[order.item] ?? 0) >= order.quantity };
  },
  [resources.payment]: (input) => {
    const order = input as Order;
    return { ...order, charged: order.quantity * order.unitPrice };
  },
  [resources.ship]: (input) => ({ ...(input as Order), shipped: true }),
  [resources.outOfStock]: (input) => ({
    ...(input as Order),
    notified: `Sorry, ${(input as Order).item} is out of stock.`,
  }),
});
