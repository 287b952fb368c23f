import { z } from 'zod';
import { from } from '../index';

/** Shapes shared by the type tests. */
export const Order = z.object({
  id: z.string(),
  total: z.number(),
  paid: z.boolean(),
  placedAt: z.string(),
  note: z.string().optional(),
  customer: z.object({ email: z.string(), tier: z.enum(['gold', 'basic']) }),
  lines: z.array(z.object({ sku: z.string(), qty: z.number() })),
});
export type Order = z.output<typeof Order>;
export const Price = z.object({ amount: z.number(), currency: z.string() });
export const resource = 'arn:aws:lambda:region:account-id:function:F';

/** An empty chain over an order, with one variable already assigned. */
export const start = from<Order, { discount: number }>();
