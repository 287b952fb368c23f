/**
 * Renders a Choice rule as a short expression for an edge label, e.g.
 * `$.inStock == true`, `$.total > 100 && $.country == "DE"`, or the
 * expression of a JSONata `Condition`.
 */
export function choiceLabel(rule: unknown): string {
  if (typeof rule !== 'object' || rule === null) return '?';
  const fields = rule as Record<string, unknown>;
  if (typeof fields.Condition === 'string') return unwrapJsonata(fields.Condition);
  if (typeof fields.Condition === 'boolean') return String(fields.Condition);
  if (Array.isArray(fields.And)) return fields.And.map(nested).join(' && ');
  if (Array.isArray(fields.Or)) return fields.Or.map(nested).join(' || ');
  if (fields.Not !== undefined) return `!(${choiceLabel(fields.Not)})`;
  const variable = typeof fields.Variable === 'string' ? fields.Variable : '?';
  for (const [field, value] of Object.entries(fields)) {
    const comparison = comparisonOf(field, value);
    if (comparison !== undefined) return `${variable} ${comparison}`;
  }
  return variable;
}

// Longer suffixes first: "LessThanEquals" also ends in "Equals".
const OPERATORS: ReadonlyArray<[string, string]> = [
  ['LessThanEquals', '<='],
  ['GreaterThanEquals', '>='],
  ['Equals', '=='],
  ['LessThan', '<'],
  ['GreaterThan', '>'],
];

// A map: it is looked up by a rule's field names, which an invalid definition may call `toString`.
const TYPE_TESTS = new Map<string, [string, string]>([
  ['IsNull', ['is null', 'is not null']],
  ['IsPresent', ['is present', 'is absent']],
  ['IsNumeric', ['is numeric', 'is not numeric']],
  ['IsString', ['is a string', 'is not a string']],
  ['IsBoolean', ['is a boolean', 'is not a boolean']],
  ['IsTimestamp', ['is a timestamp', 'is not a timestamp']],
]);

function comparisonOf(field: string, value: unknown): string | undefined {
  const test = TYPE_TESTS.get(field);
  if (test) return value === false ? test[1] : test[0];
  const isPath = field.endsWith('Path');
  const operatorField = isPath ? field.slice(0, -'Path'.length) : field;
  const operand = isPath ? String(value) : JSON.stringify(value);
  if (operatorField === 'StringMatches') return `matches ${operand}`;
  if (!/^(String|Numeric|Boolean|Timestamp)/.test(operatorField)) return undefined;
  const operator = OPERATORS.find(([suffix]) => operatorField.endsWith(suffix));
  return operator ? `${operator[1]} ${operand}` : undefined;
}

function nested(rule: unknown): string {
  const text = choiceLabel(rule);
  return /&&|\|\|/.test(text) ? `(${text})` : text;
}

function unwrapJsonata(text: string): string {
  const match = /^\{%([\s\S]*)%\}$/.exec(text.trim());
  return match ? (match[1] ?? '').trim() : text;
}
