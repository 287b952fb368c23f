import { jsonataBody } from '@stepwise/asl';
import { compileJsonata, type JsonataEvaluator } from '../dataflow/jsonata-expressions';
import { jsonataOutput, jsonataScope } from '../dataflow/jsonata-io';
import { compileFilterPath } from '../dataflow/jsonpath-expressions';
import { assignments, pathScope } from '../dataflow/jsonpath-io';
import { compileTemplate, type TemplateEvaluator } from '../dataflow/payload-template';
import type { PathScope } from '../dataflow/scope';
import { stateContext } from '../engine/state-context';
import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import type { CompileContext, CompiledState, RawState } from '../plan/compiled-state';
import { has, nullablePathField, queryLanguageOf, readsContext, stringField } from '../plan/raw-fields';
import { compileRule, type RuleTest } from './choice-rules';

const NO_MATCH = 'No Matches!';

interface PathRule {
  readonly test: RuleTest;
  readonly next: string;
  readonly assign: TemplateEvaluator | undefined;
}

/** The first rule that matches; a loop, since a Choice in a hot loop runs it every iteration. */
function firstMatch(rules: readonly PathRule[], scope: PathScope): PathRule | undefined {
  for (const rule of rules) if (rule.test(scope)) return rule;
  return undefined;
}

export function compileChoiceState(name: string, raw: RawState, ctx: CompileContext): CompiledState {
  const rules = (Array.isArray(raw.Choices) ? raw.Choices : []) as Readonly<Record<string, unknown>>[];
  const fallback = stringField(raw, 'Default');
  if (queryLanguageOf(raw, ctx.queryLanguage) === 'JSONata')
    return compileJsonataChoice(name, raw, rules, fallback);
  const compiled: PathRule[] = rules.map((rule) => ({
    test: compileRule(rule),
    next: String(rule.Next),
    assign: rule.Assign !== undefined ? compileTemplate(rule.Assign, 'Assign') : undefined,
  }));
  const inputPath = compileFilterPath(nullablePathField(raw, 'InputPath'));
  const outputPath = compileFilterPath(nullablePathField(raw, 'OutputPath'));
  const stateAssign: TemplateEvaluator | undefined = has(raw, 'Assign')
    ? compileTemplate(raw.Assign, 'Assign')
    : undefined;
  const needsContext = readsContext(raw);
  return {
    name,
    kind: 'Choice',
    execute(frame, entry) {
      const context = needsContext ? stateContext(frame, entry) : undefined;
      const input = inputPath ? inputPath(pathScope(frame, entry.input, context)) : entry.input;
      const scope = pathScope(frame, input, context);
      const matched = firstMatch(compiled, scope);
      const next = matched ? matched.next : fallback;
      if (next === undefined) fail(ErrorNames.noChoiceMatched, NO_MATCH);
      const assign = matched?.assign ?? stateAssign;
      const assigned = assign ? assignments(assign(scope, frame.run.env)) : undefined;
      const output = outputPath ? outputPath(pathScope(frame, input, context)) : input;
      return { output, next, assigned };
    },
  };
}

interface JsonataRule {
  readonly condition: JsonataEvaluator;
  readonly source: unknown;
  readonly next: string;
  readonly output: JsonataEvaluator | undefined;
  readonly assign: JsonataEvaluator | undefined;
}

function compileJsonataChoice(
  name: string,
  raw: RawState,
  rules: readonly Readonly<Record<string, unknown>>[],
  fallback: string | undefined,
): CompiledState {
  const compiled: JsonataRule[] = rules.map((rule) => ({
    condition: compileJsonata(rule.Condition, 'Condition'),
    source: rule.Condition,
    next: String(rule.Next),
    output: rule.Output !== undefined ? compileJsonata(rule.Output, 'Output') : undefined,
    assign: rule.Assign !== undefined ? compileJsonata(rule.Assign, 'Assign') : undefined,
  }));
  const output = has(raw, 'Output') ? compileJsonata(raw.Output, 'Output') : undefined;
  const assign = has(raw, 'Assign') ? compileJsonata(raw.Assign, 'Assign') : undefined;
  return {
    name,
    kind: 'Choice',
    async execute(frame, entry) {
      const scope = jsonataScope(frame, entry.input, stateContext(frame, entry));
      let matched: JsonataRule | undefined;
      for (const rule of compiled) {
        const value = await rule.condition(scope);
        if (typeof value !== 'boolean') {
          fail(
            ErrorNames.queryEvaluationError,
            `The JSONata expression '${jsonataBody(String(rule.source))}' specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was '${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}' for value: ${JSON.stringify(value)}`,
            { evaluation: true, prefixed: true },
          );
        }
        if (value) {
          matched = rule;
          break;
        }
      }
      const next = matched ? matched.next : fallback;
      if (next === undefined) fail(ErrorNames.noChoiceMatched, NO_MATCH);
      const fields = { output: matched?.output ?? output, assign: matched?.assign ?? assign };
      const result = await jsonataOutput(fields, scope, entry.input);
      return { output: result.output, next, assigned: result.assigned };
    },
  };
}
