import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { optionFinding } from './option-finding';

const dir = mkdtempSync(join(tmpdir(), 'stepwise-options-'));
const config = join(dir, 'tsconfig.json');
writeFileSync(config, '{\n  "compilerOptions": {\n    "emitDeclarationOnly": true\n  }\n}\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('optionFinding', () => {
  it('places a diagnostic about an option at that option in the tsconfig', () => {
    const message =
      "Option 'emitDeclarationOnly' cannot be specified without specifying option 'declaration'.";
    expect(optionFinding(config, dir, 5069, message)).toEqual({
      file: 'tsconfig.json',
      line: 3,
      column: 5,
      severity: 'error',
      code: 'TS5069',
      message,
    });
  });

  it('falls back to the top of the tsconfig when the option is not written in it', () => {
    const finding = optionFinding(config, dir, 5023, "Option 'declaration' is set elsewhere.");
    expect([finding.file, finding.line, finding.column]).toEqual(['tsconfig.json', 1, 1]);
  });

  it('names the compiler options when there is no tsconfig', () => {
    const finding = optionFinding(undefined, dir, 5023, 'Something about the options.');
    expect([finding.file, finding.line, finding.column]).toEqual(['(compiler options)', 1, 1]);
  });
});
