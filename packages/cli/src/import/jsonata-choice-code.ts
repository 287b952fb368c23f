import { languageEntries, onlyFields, optionalString } from './field-entries';
import { isExpression, jsonataFieldEntry } from './jsonata-code';
import type { Entry, Fields, StateCodeContext } from './state-code-context';
import { objectCode, tsString } from './ts-literal';

const STATE_FIELDS = ['Comment', 'Choices', 'Default', 'Output', 'Assign', 'QueryLanguage'];
const RULE_FIELDS = ['Condition', 'Next', 'Output', 'Assign', 'Comment'];

/**
 * A JSONata Choice: each rule's `Condition` is written exactly as given,
 * `.whenRule(() => jsonata<boolean>('{% ... %}'), next)`, or a constant,
 * `.whenRule(() => true, next)`; a rule's `Output`, `Assign` and `Comment`
 * go with `whenRuleWith`.
 */
export function jsonataChoiceCode(
  name: string,
  state: Fields,
  context: StateCodeContext,
): string | undefined {
  if ((context.declared ?? context.language) !== 'JSONata') return undefined;
  if (!onlyFields(state, STATE_FIELDS) || !Array.isArray(state.Choices) || state.Choices.length === 0)
    return undefined;
  const rules = (state.Choices as Fields[]).map((rule) => ruleParts(rule, context));
  const own: ReadonlyArray<readonly [string, Entry]> = [
    ['output', jsonataFieldEntry(state.Output, context.use)],
    ['assign', jsonataFieldEntry(state.Assign, context.use)],
  ];
  const comment = optionalString(state.Comment);
  if (
    rules.some((rule) => rule === undefined) ||
    own.some(([, entry]) => entry === false) ||
    comment === false
  )
    return undefined;
  let code = 'c';
  for (const [method, entry] of own) if (entry) code += `\n.${method}(${entry})`;
  (state.Choices as Fields[]).forEach((rule, index) => {
    const { condition, target } = rules[index]!;
    const next = context.branch(rule.Next as string);
    const then = target.length > 0 ? objectCode([...target, ['next', next]]) : undefined;
    code += then ? `\n.whenRuleWith(${condition}, ${then})` : `\n.whenRule(${condition}, ${next})`;
  });
  if (typeof state.Default === 'string') code += `\n.otherwise(${context.branch(state.Default)})`;
  context.use('choice');
  const config = objectCode([['comment', comment], ...languageEntries(context)]);
  return `choice(${tsString(name)}, (c) => ${code}${config === '{}' ? '' : `, ${config}`})`;
}

interface RuleParts {
  condition: string;
  /** The rule's own fields besides its condition, as `whenRuleWith` takes them. */
  target: Array<readonly [string, string]>;
}

function ruleParts(rule: Fields, context: StateCodeContext): RuleParts | undefined {
  if (typeof rule !== 'object' || rule === null || typeof rule.Next !== 'string') return undefined;
  if (!Object.keys(rule).every((key) => RULE_FIELDS.includes(key))) return undefined;
  let condition: string;
  if (typeof rule.Condition === 'boolean') condition = `() => ${rule.Condition}`;
  else if (isExpression(rule.Condition)) {
    context.use('jsonata');
    condition = `() => jsonata<boolean>(${tsString(rule.Condition)})`;
  } else return undefined;
  const entries: Array<readonly [string, Entry]> = [
    ['comment', optionalString(rule.Comment)],
    ['assign', jsonataFieldEntry(rule.Assign, context.use)],
    ['output', jsonataFieldEntry(rule.Output, context.use)],
  ];
  if (entries.some(([, entry]) => entry === false)) return undefined;
  const target = entries.filter((entry): entry is readonly [string, string] => entry[1] !== undefined);
  return { condition, target };
}
