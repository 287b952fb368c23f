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
    value = parsed.get(definition) ?? (JSON.parse(definition) as object);
    parsed.set(definition, value);
  } else {
    value = definition;
  }
  if (!shouldValidate || checked.has(value)) return value;
  const report = validate(value);
  const errors = report.diagnostics.filter((d) => d.severity === 'ERROR');
  if (errors.length > 0) throw new InvalidDefinitionError(errors);
  checked.add(value);
  return value;
}
