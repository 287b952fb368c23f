import type { LambdaFunctions } from '@stepwise/runtime';

const ORDERS: Readonly<Record<string, string>> = {
  '42': 'shipped on Monday and arrives tomorrow',
  '7': 'waiting for payment',
};

/** Keyword intent detection: enough for a demo, and deterministic for the tests. */
export const chatFunctions: LambdaFunctions = {
  ClassifyIntent(event) {
    const text = String((event as { text?: unknown }).text ?? '').toLowerCase();
    const order = /order\s*#?(\d+)/.exec(text);
    if (order) return { name: 'order_status', orderId: order[1] };
    if (/\b(bye|goodbye|thanks)\b/.test(text)) return { name: 'goodbye' };
    return { name: 'unknown' };
  },
  LookUpOrder(event) {
    const { orderId } = event as { orderId: string };
    const status = ORDERS[orderId];
    return { reply: status ? `Order ${orderId} ${status}.` : `I can't find order ${orderId}.` };
  },
};
