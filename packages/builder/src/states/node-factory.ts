import type { Graph } from '../chain/graph';
import { type EmitContext, nextCreationIndex, type StateNode, type StateType } from '../chain/state-node';
import type { JsonValue } from '../types/json';
import { errorHandlingOf } from './error-handling';
import { languageOf } from './field-emitters';

interface NodeSpec {
  readonly name: string;
  readonly type: StateType;
  readonly config: Record<string, unknown>;
  readonly emit: (context: EmitContext) => Record<string, JsonValue>;
  readonly terminal?: boolean;
  readonly branches?: readonly Graph[];
  readonly scopes?: readonly Graph[];
  readonly schemas?: StateNode['schemas'];
  /** Read for `retry` and `catch` on states that take them. */
  readonly errorHandling?: boolean;
}

/** A fresh state; its creation index fixes where it appears in the compiled definition. */
export function createNode(spec: NodeSpec): StateNode {
  if (typeof spec.name !== 'string' || spec.name.length === 0 || spec.name.length > 80) {
    throw new RangeError('A state name must be a string of 1 to 80 characters.');
  }
  // Taken before the catch handlers are built, so the state precedes them.
  const index = nextCreationIndex();
  const handling = spec.errorHandling
    ? errorHandlingOf(spec.name, spec.config)
    : { retry: [], catchers: [], handlers: [] };
  return {
    index,
    name: spec.name,
    type: spec.type,
    language: languageOf(spec.name, spec.config),
    writeLanguage: spec.config.writeQueryLanguage === true,
    terminal: spec.terminal ?? false,
    emit: spec.emit,
    branches: [...(spec.branches ?? []), ...handling.handlers],
    scopes: spec.scopes ?? [],
    retry: handling.retry,
    catchers: handling.catchers,
    schemas: spec.schemas,
  };
}
