import type { JsonataChoiceRule, JsonPathChoiceRule } from './choice-rules';
import type {
  Assign,
  JsonataMarker,
  JsonataTemplate,
  JsonPathInputOutput,
  JsonPathMarker,
  StateBase,
} from './common';

/** Picks the first matching rule's `Next`, else `Default`. It has neither `Next` nor `End`. */
export interface JsonPathChoiceState extends StateBase, JsonPathMarker, JsonPathInputOutput {
  Type: 'Choice';
  Choices: JsonPathChoiceRule[];
  Default?: string;
  Assign?: Assign;
}

export interface JsonataChoiceState extends StateBase, JsonataMarker {
  Type: 'Choice';
  Choices: JsonataChoiceRule[];
  Default?: string;
  Output?: JsonataTemplate;
  Assign?: Assign;
}

export type ChoiceState = JsonPathChoiceState | JsonataChoiceState;
