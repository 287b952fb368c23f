import { ruleCode } from './choice-code';
import { onlyFields, optionalString, pathEntry, payloadEntry } from './field-entries';
import { INPUT_NAMES, selectorFunction } from './selector-code';
import type { Entry, Fields, StateCodeContext } from './state-code-context';
import { objectCode, tsString } from './ts-literal';

const RULE_FIELDS = ['Next', 'Assign', 'Variable', 'And', 'Or', 'Not'];

/**
 * A JSONPath Choice as `choice(name, (c) => c.when(...).otherwise(...))`. The
 * state's own InputPath, OutputPath and Assign are the chain's first calls; a
 * rule with Assign is written with `whenWith`/`whenRuleWith`.
 */
export function choiceCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  const stateFields = ['Comment', 'Choices', 'Default', 'InputPath', 'OutputPath', 'Assign'];
  if (!onlyFields(state, stateFields) || !Array.isArray(state.Choices)) return undefined;
  const helpers = new Set<string>();
  const rules = state.Choices.map((rule: Fields) =>
    typeof rule?.Next === 'string' &&
    Object.keys(rule).every((key) => RULE_FIELDS.includes(key) || isTest(key))
      ? ruleCode(rule, helpers)
      : undefined,
  );
  const assigns = state.Choices.map((rule: Fields) => payloadEntry(rule?.Assign));
  const own: ReadonlyArray<readonly [string, Entry]> = [
    ['inputPath', pathEntry(state.InputPath)],
    ['outputPath', pathEntry(state.OutputPath)],
    ['assign', payloadEntry(state.Assign)],
  ];
  if (
    rules.some((rule) => rule === undefined) ||
    assigns.some((assign) => assign === false) ||
    own.some(([, entry]) => entry === false) ||
    optionalString(state.Comment) === false
  )
    return undefined;
  for (const helper of helpers) context.use(helper);
  let code = 'c';
  for (const [method, entry] of own) if (entry) code += `\n.${method}(${entry})`;
  state.Choices.forEach((rule: Fields, index) => {
    const { code: ruleText, single } = rules[index]!;
    const next = context.branch(rule.Next as string);
    const assign = assigns[index];
    const then = assign
      ? objectCode([
          ['assign', assign],
          ['next', next],
        ])
      : next;
    const suffix = assign ? 'With' : '';
    code += single
      ? `\n.when${suffix}(${selectorFunction(single.subject, INPUT_NAMES)}, ${single.condition}, ${then})`
      : `\n.whenRule${suffix}(${selectorFunction(ruleText, INPUT_NAMES)}, ${then})`;
  });
  if (typeof state.Default === 'string') code += `\n.otherwise(${context.branch(state.Default)})`;
  context.use('choice');
  const comment = typeof state.Comment === 'string' ? `, { comment: ${tsString(state.Comment)} }` : '';
  return `choice(${tsString(name)}, (c) => ${code}${comment})`;
}

/** A comparison operator or type test: `NumericGreaterThanPath`, `IsPresent`... */
function isTest(key: string): boolean {
  return /^(String|Numeric|Boolean|Timestamp|Is)[A-Za-z]+$/.test(key);
}
