export type { JsonataRandomSources } from './aws-functions';
export {
  evaluateJsonata,
  type JsonataBindings,
  type JsonataEvaluationOptions,
  type JsonataStatesBinding,
  undefinedResultMessage,
} from './evaluate-jsonata';
export { DEFAULT_JSONATA_GUARDRAILS, type JsonataGuardrails } from './evaluation-guard';
export { type InvalidJsonataDetails, InvalidJsonataError, JsonataEvaluationError } from './jsonata-errors';
export {
  type CompiledJsonata,
  isJsonataExpression,
  jsonataBody,
  parseJsonataExpression,
} from './jsonata-expression';
export {
  type CompiledJsonataTemplate,
  collectJsonataErrors,
  compileJsonataTemplate,
  type JsonataTemplateOptions,
} from './jsonata-template';
