/**
 * The `stepwise` command as a library: run it in-process with `main`, or use
 * its parts (located JSON parsing, graph drawing, ASL import) directly.
 */
export { CliError, InputFileError, UsageError, WorkflowLoadError } from './cli/errors';
export { ExitCode } from './cli/exit-codes';
export type { CliIo, OutputStream } from './cli/io';
export { main } from './cli/main';
export { buildGraph } from './graph/build-graph';
export { choiceLabel } from './graph/choice-label';
export { executionOverlay, type HistoryEventLike } from './graph/execution-overlay';
export type { ExecutionOverlay, GraphEdge, GraphItem, GraphScope, WorkflowGraph } from './graph/graph-model';
export { renderDot } from './graph/render-dot';
export { renderMermaid } from './graph/render-mermaid';
export { renderSvg } from './graph/render-svg';
export { type ImportedWorkflow, importDefinition } from './import/import-definition';
export { ImportInvalidDefinitionError, ImportUnsupportedError } from './import/import-errors';
export { JsonSyntaxError } from './json/json-syntax-error';
export { type LocatedJson, parseLocatedJson, type ValueLocation } from './json/parse-located-json';
export type { SourcePosition } from './json/source-position';
