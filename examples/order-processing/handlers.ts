import type { TaskHandler } from '@stepwise/runtime';

/** An order as the workflow receives it. */
export interface Order {
  readonly orderId: string;
  readonly item: string;
  readonly quantity: number;
  readonly unitPrice: number;
}

/** What the stock room has, by item. */
const stock: Readonly<Record<string, number>> = { widget: 10, gadget: 0 };

const fn = (name: string) => `arn:aws:lambda:region:account-id:function:${name}`;

/** Local stand-ins for the four Lambda functions the workflow calls. */
export const orderHandlers: Record<string, TaskHandler> = {
  [fn('ValidateOrderFunction')]: (input) => {
    const order = input as Order;
    if (!order.orderId || order.quantity <= 0) {
      throw Object.assign(new Error(`order ${order.orderId} has no items`), { name: 'InvalidOrder' });
    }
    return { ...order, inStock: (stock[order.item] ?? 0) >= order.quantity };
  },
  [fn('ProcessPaymentFunction')]: (input) => {
    const order = input as Order;
    return { ...order, charged: order.quantity * order.unitPrice };
  },
  [fn('ShipOrderFunction')]: (input) => ({ ...(input as Order), shipped: true }),
  [fn('OutOfStockNotificationFunction')]: (input) => ({
    ...(input as Order),
    notified: `Sorry, ${(input as Order).item} is out of stock.`,
  }),
};
