// Starts the approval service, runs one purchase that needs a person, and approves it over HTTP.
import { createRuntime } from '@stepwise/runtime';
import { ApprovalService } from './approval-service';
import { runApprover } from './approver';
import { purchaseApproval } from './workflow';

let service: ApprovalService | undefined;
const runtime = createRuntime({ services: { sns: { publish: (p, c) => service?.publish(p, c) } } });
service = new ApprovalService(runtime);
const baseUrl = await service.listen();
console.log(`approvals API on ${baseUrl}`);
const stop = new AbortController();
const approver = runApprover(
  baseUrl,
  'demo-approver',
  () => ({ approved: true, comment: 'looks fine' }),
  stop.signal,
);
const result = await runtime.execute(purchaseApproval, { input: { item: 'monitor', amount: 700 } });
console.log(JSON.stringify(result, null, 2));
stop.abort();
await approver;
await service.close();
