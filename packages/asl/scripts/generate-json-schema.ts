/**
 * Writes asl.schema.json, the JSON Schema of a state machine definition,
 * from the zod schema. Run after changing the schema: `pnpm generate:schema`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAslJsonSchema } from '../src/schema/to-json-schema';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../asl.schema.json');
writeFileSync(target, renderAslJsonSchema());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
