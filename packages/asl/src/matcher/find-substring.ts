/**
 * Knuth-Morris-Pratt search for one literal, prepared once. Searching never
 * backtracks in the text, so a match attempt costs O(text) whatever the
 * pattern looks like.
 */
export interface SubstringFinder {
  readonly needle: string;
  /** Index of the first occurrence lying within `text[from, end)`, or -1. */
  indexIn(text: string, from: number, end: number): number;
}

export function createSubstringFinder(needle: string): SubstringFinder {
  const failure = failureTable(needle);
  const length = needle.length;
  return {
    needle,
    indexIn(text: string, from: number, end: number): number {
      if (length === 0) return from <= end ? from : -1;
      let matched = 0;
      for (let i = from; i < end; i++) {
        const code = text.charCodeAt(i);
        while (matched > 0 && needle.charCodeAt(matched) !== code) matched = failure[matched - 1] as number;
        if (needle.charCodeAt(matched) === code) matched++;
        if (matched === length) return i - length + 1;
      }
      return -1;
    },
  };
}

/** For each prefix, the length of its longest proper prefix that is also a suffix. */
function failureTable(needle: string): Int32Array {
  const table = new Int32Array(needle.length);
  let k = 0;
  for (let i = 1; i < needle.length; i++) {
    const code = needle.charCodeAt(i);
    while (k > 0 && needle.charCodeAt(k) !== code) k = table[k - 1] as number;
    if (needle.charCodeAt(k) === code) k++;
    table[i] = k;
  }
  return table;
}
