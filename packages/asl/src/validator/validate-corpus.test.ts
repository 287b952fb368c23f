import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, loadCorpusDefinitions } from './corpus-definitions';
import { validate } from './validate';

const corpus = loadCorpusDefinitions();

describe.skipIf(corpus.length === 0)(`validate on the conformance corpus (${CORPUS_DIR})`, () => {
  it('holds the 731 public cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(731);
  });

  it('reports no ERROR for any definition AWS accepted', () => {
    const rejected = corpus
      .map(({ id, definition }) => ({
        id,
        errors: validate(definition).diagnostics.filter((d) => d.severity === 'ERROR'),
      }))
      .filter(({ errors }) => errors.length > 0);
    expect(rejected).toEqual([]);
  });
});
