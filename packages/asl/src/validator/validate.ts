import { checkChoiceRules } from './choice-rule-checks';
import { type Diagnostic, DiagnosticSink, type ValidationResult } from './diagnostic';
import { checkErrorHandling } from './error-handling-checks';
import { isObject, readJsonTree } from './json-tree';
import { checkJsonataFields } from './jsonata-field-checks';
import { collectMachines } from './machines';
import { checkPathFields } from './path-field-checks';
import { checkPayloadTemplates } from './payload-template-checks';
import { checkQueryLanguages } from './query-language-checks';
import { checkReachability } from './reachability-checks';
import { checkSchema } from './schema-checks';
import { checkStateFields } from './state-field-checks';
import { checkStateNames } from './state-name-checks';
import { checkStructure } from './structure-checks';
import { checkTransitions } from './transition-checks';

/**
 * Validates an Amazon States Language definition (the parsed JSON), in the
 * manner of AWS's ValidateStateMachineDefinition: every finding is a
 * diagnostic located by a JSON pointer. Never throws, whatever it is given.
 */
export function validate(definition: unknown): ValidationResult {
  const sink = new DiagnosticSink();
  try {
    runChecks(definition, sink);
  } catch {
    // The checks work on a sanitised copy and should not fail; if one does,
    // the definition is still answered rather than the caller crashed.
    sink.error('SCHEMA_VALIDATION_FAILED', '', 'The definition could not be validated.');
  }
  return resultOf(sink.diagnostics);
}

function runChecks(definition: unknown, sink: DiagnosticSink): void {
  const read = readJsonTree(definition);
  if (!read.ok) {
    sink.error('SCHEMA_VALIDATION_FAILED', read.location, read.message);
    return;
  }
  const root = read.tree;
  if (!isObject(root)) {
    sink.error('SCHEMA_VALIDATION_FAILED', '', 'A state machine definition must be a JSON object.');
    return;
  }
  const scopes = collectMachines(root);
  checkStructure(scopes, sink);
  checkQueryLanguages(root, scopes, sink);
  checkStateNames(scopes, sink);
  checkTransitions(scopes, sink);
  checkReachability(scopes, sink);
  checkStateFields(scopes, sink);
  checkErrorHandling(scopes, sink);
  checkChoiceRules(scopes, sink);
  checkPathFields(scopes, sink);
  checkPayloadTemplates(scopes, sink);
  checkJsonataFields(scopes, sink);
  // Last, so that the schema's generic findings give way to the specific ones above.
  checkSchema(root, sink);
}

function resultOf(diagnostics: Diagnostic[]): ValidationResult {
  return { ok: !diagnostics.some((d) => d.severity === 'ERROR'), diagnostics };
}
