/**
 * The quick-start demo: shows the order workflow's ASL, validates it, then
 * runs two orders through it with local handlers and prints what happened.
 */
import { validate } from '@stepwise/asl';
import { createRuntime } from '@stepwise/runtime';
import { type Order, orderHandlers, orderProcessing } from './workflow';

console.log('Order processing workflow, compiled to Amazon States Language:\n');
console.log(JSON.stringify(orderProcessing, null, 2));

const validation = validate(orderProcessing);
console.log(`\nValidation: ${validation.ok ? 'no errors' : 'errors found'}`);
for (const d of validation.diagnostics)
  console.log(`  ${d.severity} ${d.code} at ${d.location}: ${d.message}`);
if (!validation.ok) process.exit(1);

const runtime = createRuntime({ handlers: orderHandlers });
const orders: Order[] = [
  { orderId: 'o-1001', item: 'widget', quantity: 2, unitPrice: 15 },
  { orderId: 'o-1002', item: 'gadget', quantity: 1, unitPrice: 99 },
];

for (const order of orders) {
  const execution = runtime.startExecution(orderProcessing, { input: order, name: order.orderId });
  const result = await execution.result();
  const states = execution
    .history()
    .flatMap((event) => (event.type.endsWith('StateEntered') ? [event.stateEnteredEventDetails?.name] : []));
  console.log(`\nExecution ${execution.name}: ${result.status}`);
  console.log(`  states: ${states.join(' -> ')}`);
  console.log(`  output: ${JSON.stringify(result.status === 'SUCCEEDED' ? result.output : result)}`);
  if (result.status !== 'SUCCEEDED') process.exitCode = 1;
}
