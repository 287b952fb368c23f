import { ruleCode } from './choice-code';
import { onlyFields, optionalString } from './field-entries';
import { INPUT_NAMES, selectorFunction } from './selector-code';
import type { Fields, StateCodeContext } from './state-code-context';
import { tsString } from './ts-literal';

export function choiceCode(name: string, state: Fields, context: StateCodeContext): string | undefined {
  if (!onlyFields(state, ['Comment', 'Choices', 'Default']) || !Array.isArray(state.Choices))
    return undefined;
  const helpers = new Set<string>();
  const rules = state.Choices.map((rule: Fields) =>
    typeof rule?.Next === 'string' ? ruleCode(rule, helpers) : undefined,
  );
  if (rules.some((rule) => rule === undefined) || optionalString(state.Comment) === false) return undefined;
  for (const helper of helpers) context.use(helper);
  let code = 'c';
  state.Choices.forEach((rule: Fields, index) => {
    const ruleText = rules[index]!.code;
    const single = /^test\((.*), ((?:eq|lt|gt|lte|gte|matches|is\w+|timestamp\.\w+)\(.*\))\)$/s.exec(
      ruleText,
    );
    const then = context.branch(rule.Next as string);
    code += single
      ? `\n.when(${selectorFunction(single[1]!, INPUT_NAMES)}, ${single[2]}, ${then})`
      : `\n.whenRule(${selectorFunction(ruleText, INPUT_NAMES)}, ${then})`;
  });
  if (typeof state.Default === 'string') code += `\n.otherwise(${context.branch(state.Default)})`;
  context.use('choice');
  const comment = typeof state.Comment === 'string' ? `, { comment: ${tsString(state.Comment)} }` : '';
  return `choice(${tsString(name)}, (c) => ${code}${comment})`;
}
