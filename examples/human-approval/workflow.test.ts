import { validate } from '@stepwise/asl';
import { createRuntime } from '@stepwise/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { ApprovalService } from './approval-service';
import { runApprover } from './approver';
import { purchaseApproval } from './workflow';

const services: ApprovalService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

async function setup() {
  let service: ApprovalService | undefined;
  const runtime = createRuntime({
    // The runtime is created first; the service that needs it registers its handler next.
    services: { sns: { publish: (params, context) => service?.publish(params, context) } },
  });
  service = new ApprovalService(runtime);
  services.push(service);
  return { runtime, baseUrl: await service.listen() };
}

const decideByAmount = (request: unknown) => {
  const { amount, item } = request as { amount: number; item: string };
  return amount <= 2000
    ? { approved: true, comment: `ok for ${item}` }
    : { approved: false, comment: 'over budget' };
};

describe('the human-approval example', () => {
  it('is a valid state machine', () => {
    expect(validate(purchaseApproval).ok).toBe(true);
  });

  it('approves small purchases without asking anyone', async () => {
    const { runtime } = await setup();
    const result = await runtime.execute(purchaseApproval, { input: { item: 'pens', amount: 20 } });
    expect(result).toEqual({
      status: 'SUCCEEDED',
      output: {
        purchase: { item: 'pens', amount: 20 },
        decision: { approver: 'policy', comment: 'under the limit' },
      },
    });
  });

  it('waits for the approver, who answers over HTTP from a separate loop', async () => {
    const { runtime, baseUrl } = await setup();
    const stop = new AbortController();
    const approver = runApprover(baseUrl, 'grace', decideByAmount, stop.signal);
    const laptop = runtime.startExecution(purchaseApproval, { input: { item: 'laptop', amount: 1800 } });
    const yacht = runtime.startExecution(purchaseApproval, { input: { item: 'yacht', amount: 90000 } });

    expect(await laptop.result()).toEqual({
      status: 'SUCCEEDED',
      output: {
        purchase: { item: 'laptop', amount: 1800, decision: { approver: 'grace', comment: 'ok for laptop' } },
        decision: { approver: 'grace', comment: 'ok for laptop' },
      },
    });
    expect(await yacht.result()).toEqual({
      status: 'FAILED',
      error: 'Purchase.Rejected',
      cause: 'grace: over budget',
    });
    stop.abort();
    expect(await approver).toBe(2);
    expect(laptop.history().map((e) => e.type)).toContain('TaskSubmitted');
  });
});
