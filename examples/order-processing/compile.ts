/**
 * Writes the compiled order workflow to order-processing.asl.json, the file
 * that is deployed and checked in. A test fails when the two drift apart.
 *
 *   tsx examples/order-processing/compile.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { orderWorkflow } from './workflow';

/** The checked-in file's exact text: two-space JSON and a final newline. */
export const compiledText = (): string => `${orderWorkflow.toJSON(2)}\n`;

export const aslFile = fileURLToPath(new URL('./order-processing.asl.json', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(aslFile, compiledText());
  console.log(`Wrote ${aslFile}`);
}
