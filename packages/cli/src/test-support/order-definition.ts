import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The order workflow's ASL as the example checks it in: test data that does not depend on the
 * builder. The example's own test keeps that file equal to the definition our users know.
 */
export const orderDefinition: Record<string, unknown> = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL('../../../../examples/order-processing/order-processing.asl.json', import.meta.url),
    ),
    'utf8',
  ),
);
