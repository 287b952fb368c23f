import { ruleCode } from './choice-code';
import { languageEntries, onlyFields, optionalString, pathEntry, payloadEntry } from './field-entries';
import { INPUT_NAMES, selectorFunction } from './selector-code';
import type { Entry, Fields, StateCodeContext } from './state-code-context';
import { objectCode, tsString } from './ts-literal';

const RULE_FIELDS = ['Next', 'Assign', 'Comment', 'Variable', 'And', 'Or', 'Not'];
const STATE_FIELDS = ['Comment', 'Choices', 'Default', 'InputPath', 'OutputPath', 'Assign', 'QueryLanguage'];

/**
 * A JSONPath Choice as `choice(name, (c) => c.when(...).otherwise(...))`. The
 * state's own InputPath, OutputPath and Assign are the chain's first calls; a
 * rule with Assign or a Comment is written with `whenWith`/`whenRuleWith`.
 */
export function choiceCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  if (!onlyFields(state, STATE_FIELDS) || !Array.isArray(state.Choices)) return undefined;
  const helpers = new Set<string>();
  const choices = state.Choices as Fields[];
  const rules = choices.map((rule) => {
    if (
      typeof rule?.Next !== 'string' ||
      !Object.keys(rule).every((key) => RULE_FIELDS.includes(key) || isTest(key))
    )
      return undefined;
    // The rule's own Comment goes with its target; those of the rules inside it stay in the rule.
    const { Comment: _comment, ...test } = rule;
    return ruleCode(test, helpers);
  });
  const targets = choices.map(
    (rule): Array<readonly [string, Entry]> => [
      ['comment', optionalString(rule?.Comment)],
      ['assign', payloadEntry(rule?.Assign)],
    ],
  );
  const own: ReadonlyArray<readonly [string, Entry]> = [
    ['inputPath', pathEntry(state.InputPath)],
    ['outputPath', pathEntry(state.OutputPath)],
    ['assign', payloadEntry(state.Assign)],
  ];
  const comment = optionalString(state.Comment);
  if (
    rules.some((rule) => rule === undefined) ||
    targets.some((target) => target.some(([, entry]) => entry === false)) ||
    own.some(([, entry]) => entry === false) ||
    comment === false
  )
    return undefined;
  for (const helper of helpers) context.use(helper);
  let code = 'c';
  for (const [method, entry] of own) if (entry) code += `\n.${method}(${entry})`;
  choices.forEach((rule, index) => {
    const { code: ruleText, single } = rules[index]!;
    const next = context.branch(rule.Next as string);
    const target = targets[index]!.filter((entry): entry is readonly [string, string] => Boolean(entry[1]));
    const then = target.length > 0 ? objectCode([...target, ['next', next]]) : next;
    const suffix = target.length > 0 ? 'With' : '';
    code += single
      ? `\n.when${suffix}(${tsString(single.path)}, ${single.condition}, ${then})`
      : `\n.whenRule${suffix}(${selectorFunction(ruleText, INPUT_NAMES)}, ${then})`;
  });
  if (typeof state.Default === 'string') code += `\n.otherwise(${context.branch(state.Default)})`;
  context.use('choice');
  const config = objectCode([['comment', comment], ...languageEntries(context)]);
  return `choice(${tsString(name)}, (c) => ${code}${config === '{}' ? '' : `, ${config}`})`;
}

/** A comparison operator or type test: `NumericGreaterThanPath`, `IsPresent`... */
function isTest(key: string): boolean {
  return /^(String|Numeric|Boolean|Timestamp|Is)[A-Za-z]+$/.test(key);
}
