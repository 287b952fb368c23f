import { validate } from '@stepwise/asl';
import { InvalidDefinitionError } from '../errors/runtime-errors';

/** A definition as an object, or as the JSON text of one. */
export type DefinitionInput = object | string;

const checked = new WeakSet<object>();
const parsed = new Map<string, object>();

/**
 * Parses (if needed) and validates a definition once; later calls with the same object are free.
 * Only error-level diagnostics refuse a definition.
 */
export function checkDefinition(definition: DefinitionInput, shouldValidate: boolean): object {
  let value: object;
  if (typeof definition === 'string') {
    value = parsed.get(definition) ?? parseDefinition(definition);
    parsed.set(definition, value);
  } else {
    value = definition;
  }
  // Whatever else is skipped, a definition is an object: nothing downstream can run anything else.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidDefinitionError([
      schemaError(`A state machine definition must be a JSON object, not ${describe(value)}.`),
    ]);
  }
  if (!shouldValidate || checked.has(value)) return value;
  const report = validate(value);
  const errors = report.diagnostics.filter((d) => d.severity === 'ERROR');
  if (errors.length > 0) throw new InvalidDefinitionError(errors);
  checked.add(value);
  return value;
}

function parseDefinition(text: string): object {
  try {
    return JSON.parse(text) as object;
  } catch (error) {
    throw new InvalidDefinitionError([
      schemaError(`The definition is not valid JSON: ${(error as Error).message}`),
    ]);
  }
}

function schemaError(message: string) {
  return { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message, location: '' };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
