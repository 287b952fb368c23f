/**
 * The placeholders of a States.Format template: every `{}` pair whose braces were not written
 * escaped. `escapedBraces` holds offsets of braces that came from `\{` or `\}`.
 */
export function placeholderOffsets(template: string, escapedBraces: readonly number[] = []): number[] {
  const escaped = new Set(escapedBraces);
  const offsets: number[] = [];
  for (let i = 0; i + 1 < template.length; i++) {
    if (template[i] === '{' && template[i + 1] === '}' && !escaped.has(i) && !escaped.has(i + 1)) {
      offsets.push(i);
      i++;
    }
  }
  return offsets;
}

export function countPlaceholders(template: string, escapedBraces: readonly number[] = []): number {
  return placeholderOffsets(template, escapedBraces).length;
}

/** Replaces each placeholder, in order, with the corresponding rendered value. */
export function fillPlaceholders(
  template: string,
  offsets: readonly number[],
  values: readonly string[],
): string {
  let result = '';
  let from = 0;
  offsets.forEach((offset, index) => {
    result += template.slice(from, offset) + (values[index] ?? '');
    from = offset + 2;
  });
  return result + template.slice(from);
}
