import { z } from 'zod';
import { jsonPathNestedChoiceRuleSchema } from './choice-rules';
import { jsonValueSchema } from './json-value';
import { jsonataScopeStateSchema, jsonPathScopeStateSchema, stateMachineSchema } from './state-machine';

/** Readable `$defs` names for the recursive parts, kept out of zod's global registry. */
function definitionNames() {
  const names = z.registry<{ id: string }>();
  names.add(jsonValueSchema, { id: 'JsonValue' });
  names.add(jsonPathNestedChoiceRuleSchema, { id: 'JsonPathNestedChoiceRule' });
  names.add(jsonPathScopeStateSchema, { id: 'JsonPathMachineState' });
  names.add(jsonataScopeStateSchema, { id: 'JsonataMachineState' });
  return names;
}

/**
 * The JSON Schema (draft 2020-12) of a state machine definition, derived
 * from `stateMachineSchema`. It describes the shape of documents, so it is
 * generated from the input side: refinements (one of `Next`/`End`, one
 * operator per choice rule, ...) have no JSON Schema form and are left to
 * the zod schema.
 */
export function toAslJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(stateMachineSchema, {
    target: 'draft-2020-12',
    io: 'input',
    cycles: 'ref',
    reused: 'inline',
    unrepresentable: 'any',
    metadata: definitionNames(),
  });
  return { ...schema, title: 'Amazon States Language state machine definition' };
}

/** The exact text of the checked-in `asl.schema.json`. */
export function renderAslJsonSchema(): string {
  return `${JSON.stringify(toAslJsonSchema(), null, 2)}\n`;
}
