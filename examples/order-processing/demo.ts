/**
 * The quick-start demo: shows the order workflow's ASL and what the
 * validator says about it.
 */
import { validate } from '@stepwise/asl';
import { orderProcessing } from './workflow';

const result = validate(orderProcessing);

console.log('Order processing workflow, compiled to Amazon States Language:\n');
console.log(JSON.stringify(orderProcessing, null, 2));
console.log(`\nValidation: ${result.ok ? 'no errors' : 'errors found'}`);
for (const diagnostic of result.diagnostics) {
  console.log(`  ${diagnostic.severity} ${diagnostic.code} at ${diagnostic.location}: ${diagnostic.message}`);
}
if (!result.ok) process.exitCode = 1;
