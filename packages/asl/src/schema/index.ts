export {
  jsonataChoiceRuleSchema,
  jsonPathChoiceRuleSchema,
  jsonPathNestedChoiceRuleSchema,
} from './choice-rules';
export { jsonArraySchema, jsonObjectSchema, jsonValueSchema } from './json-value';
export {
  jsonataItemBatcherSchema,
  jsonataItemReaderSchema,
  jsonataResultWriterSchema,
  jsonPathItemBatcherSchema,
  jsonPathItemReaderSchema,
  jsonPathResultWriterSchema,
  processorConfigSchema,
} from './map-config';
export { jsonataExpressionSchema, jsonataNumberSchema } from './primitives';
export { jsonataCatcherSchema, jsonPathCatcherSchema, retrierSchema } from './retry-catch';
export {
  jsonataScopeStateSchema,
  jsonataStateMachineSchema,
  jsonataStateSchemasByType,
  jsonPathScopeStateSchema,
  jsonPathStateMachineSchema,
  jsonPathStateSchemasByType,
  optedInJsonataStateSchemasByType,
  stateMachineSchema,
  stateSchema,
} from './state-machine';
export { renderAslJsonSchema, toAslJsonSchema } from './to-json-schema';
