import type { Graph } from '../chain/graph';
import type { StateNode } from '../chain/state-node';
import { DanglingBranchError } from '../errors';
import { isJsonataExpression } from '../jsonata/expression';
import { invokeSelector } from '../template/invoke';
import type { JsonValue, QueryLanguage } from '../types/json';
import type { RuleLike } from './conditions';
import { dataPathField, defined, templateField } from './field-emitters';
import { createNode } from './node-factory';
import { ruleToJsonata, ruleToJsonPath } from './render-rule';

/*
 * The Choice state as written out: its rules, its Default and its own data
 * fields. `ChoiceChain` collects the parts; this module turns them into a state.
 */

export interface ChoiceConfig<QL> {
  readonly comment?: string;
  readonly queryLanguage?: QL;
  /** Writes `QueryLanguage` on the state even where it equals the workflow's (omitted by default). */
  readonly writeQueryLanguage?: boolean;
}

/** Fields of the Choice state itself, set with the methods of the same name. */
export interface StateFields {
  readonly inputPath?: unknown;
  readonly outputPath?: unknown;
  readonly assign?: unknown;
  readonly output?: unknown;
}

export interface ChoiceRule {
  readonly build: (data: unknown, context: unknown, vars: unknown) => RuleLike;
  readonly target: Graph;
  readonly assign?: unknown;
  readonly output?: unknown;
  readonly comment?: string;
}

export interface ChoiceParts {
  readonly name: string;
  readonly config: ChoiceConfig<QueryLanguage | undefined>;
  readonly fields: StateFields;
  readonly rules: readonly ChoiceRule[];
  readonly otherwise: Graph | undefined;
  readonly index: number | undefined;
}

export function choiceNode(parts: ChoiceParts): StateNode {
  const branches = [...parts.rules.map((r) => r.target), ...(parts.otherwise ? [parts.otherwise] : [])];
  const node = createNode({
    name: parts.name,
    type: 'Choice',
    config: { ...parts.config, ...parts.fields, ...ruleLanguageFields(parts.rules) } as Record<
      string,
      unknown
    >,
    terminal: true,
    branches,
    emit: (context) => {
      if (parts.rules.length === 0) throw new DanglingBranchError(parts.name, 'is a Choice without rules');
      const choices: JsonValue[] = parts.rules.map((rule) => {
        const built = rule.build(...(recorders() as [unknown, unknown, unknown]));
        const next = context.nameOf(rule.target);
        const lang = context.language;
        const written: Record<string, JsonValue> =
          lang === 'JSONata'
            ? { Condition: ruleToJsonata(built), ...ruleComment(built) }
            : ruleToJsonPath(built);
        if (rule.comment !== undefined) written.Comment = rule.comment;
        if (rule.assign !== undefined) written.Assign = templateField(rule.assign, 'input', 'Assign', lang);
        if (rule.output !== undefined) written.Output = templateField(rule.output, 'input', 'Output', lang);
        written.Next = next;
        return written;
      });
      const lang = context.language;
      const fields = parts.fields;
      const out: Record<string, JsonValue> = defined({
        Comment: parts.config.comment,
        InputPath:
          fields.inputPath === undefined ? undefined : dataPathField(fields.inputPath, 'InputPath', lang),
      });
      out.Choices = choices;
      if (parts.otherwise) out.Default = context.nameOf(parts.otherwise);
      return {
        ...out,
        ...defined({
          OutputPath:
            fields.outputPath === undefined
              ? undefined
              : dataPathField(fields.outputPath, 'OutputPath', lang),
          Output:
            fields.output === undefined ? undefined : templateField(fields.output, 'input', 'Output', lang),
          Assign:
            fields.assign === undefined ? undefined : templateField(fields.assign, 'input', 'Assign', lang),
        }),
      };
    },
  });
  // Copies made by `when`/`otherwise` keep the position of the original.
  return parts.index === undefined ? node : { ...node, index: parts.index };
}

/** A rule's `Output` is a JSONata field: it commits the state to JSONata like the state's own. */
function ruleLanguageFields(rules: readonly ChoiceRule[]): Record<string, unknown> {
  const output = rules.find((rule) => rule.output !== undefined)?.output;
  return output === undefined ? {} : { output };
}

/** A comment on a whole JSONata rule sits beside its `Condition`. */
function ruleComment(rule: RuleLike): Record<string, JsonValue> {
  if (typeof rule === 'boolean' || isJsonataExpression(rule) || rule.comment === undefined) return {};
  return { Comment: rule.comment };
}

function recorders(): unknown[] {
  let captured: unknown[] = [];
  invokeSelector(
    ((...args: unknown[]) => {
      captured = args;
    }) as never,
    'input',
  );
  return captured;
}
