const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval undefined z'
  ).split(' '),
);

/** Gives each state a readable, unique camelCase identifier: "Validate Order" becomes `validateOrder`. */
export class IdentifierNames {
  readonly #used: Set<string>;
  readonly #byName = new Map<string, string>();

  constructor(taken: Iterable<string>) {
    this.#used = new Set(taken);
  }

  of(stateName: string): string {
    const known = this.#byName.get(stateName);
    if (known !== undefined) return known;
    const words = stateName
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, ' ')
      .trim()
      .split(' ')
      .filter(Boolean);
    let base =
      words.map((word, index) => (index === 0 ? lowerFirst(word) : upperFirst(word))).join('') || 'state';
    if (/^[0-9]/.test(base)) base = `state${upperFirst(base)}`;
    if (RESERVED.has(base)) base = `${base}State`;
    let candidate = base;
    for (let n = 2; this.#used.has(candidate); n++) candidate = `${base}${n}`;
    this.#used.add(candidate);
    this.#byName.set(stateName, candidate);
    return candidate;
  }
}

function lowerFirst(word: string): string {
  return /^[A-Z0-9]+$/.test(word) ? word.toLowerCase() : word.charAt(0).toLowerCase() + word.slice(1);
}

function upperFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
