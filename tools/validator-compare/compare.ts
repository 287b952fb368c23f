/**
 * Runs the Stepwise validator and asl-validator side by side over the
 * conformance corpus (definitions AWS accepted: every rejection is a false
 * alarm) and over the invalid-definition table (every acceptance is a miss).
 *
 *   npx tsx tools/validator-compare/compare.ts
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { validate } from '../../packages/asl/src/validator';
import { loadCorpusDefinitions } from '../../packages/asl/src/validator/corpus-definitions';
import { INVALID_DEFINITIONS } from '../../packages/asl/src/validator/invalid-definitions';

type AslValidator = (
  definition: unknown,
  options?: { checkPaths: boolean; checkArn: boolean },
) => { isValid: boolean };

const require = createRequire(import.meta.url);
const aslValidator = require('asl-validator') as AslValidator;
shareAslValidatorSchemas();

/**
 * asl-validator builds a new Ajv instance, compiling all its JSON schemas,
 * on every call (about 0.1 s each). The instance depends only on the options,
 * which never change here, so one is built and handed back each time; the
 * verdicts are the same, the run is some fifty times faster.
 */
function shareAslValidatorSchemas(): void {
  const ajvPath = require.resolve('ajv', { paths: [path.dirname(require.resolve('asl-validator'))] });
  const ajvModule = require(ajvPath) as { default: new (options: unknown) => object };
  const Ajv = ajvModule.default;
  let shared: object | undefined;
  let reused: object | undefined;
  ajvModule.default = function SharedAjv(options: unknown) {
    if (!shared) {
      shared = new Ajv(options);
      // Later calls register the same formats and keywords again, which Ajv refuses; they are already there.
      reused = new Proxy(shared, {
        get: (target, key, receiver) =>
          typeof key === 'string' && key.startsWith('add')
            ? () => receiver
            : Reflect.get(target, key, receiver),
      });
      return shared;
    }
    return reused;
  } as unknown as typeof Ajv;
}

/** asl-validator writes into the definition it is given, and can throw; it gets a copy, and a throw counts as a rejection. */
function aslAccepts(definition: unknown): boolean {
  try {
    return aslValidator(structuredClone(definition), { checkPaths: true, checkArn: false }).isValid;
  } catch {
    return false;
  }
}

/** For the table: Stepwise must report the expected code at the expected place, asl-validator only reject. */
function stepwiseDetects(entry: (typeof INVALID_DEFINITIONS)[number]): boolean {
  return validate(entry.definition).diagnostics.some(
    (d) => d.code === entry.code && d.location === entry.location,
  );
}

const started = performance.now();
const corpus = loadCorpusDefinitions();
const stepwiseFalseAlarms = corpus.filter(({ definition }) => !validate(definition).ok);
const aslFalseAlarms = corpus.filter(({ definition }) => !aslAccepts(definition));

// Warning-only entries do not make a definition invalid; they are left out of detection counts.
const errorEntries = INVALID_DEFINITIONS.filter(
  (e) => e.code !== 'NO_DOLLAR' && e.code !== 'PASS_RESULT_IS_STATIC',
);
const stepwiseDetected = errorEntries.filter(stepwiseDetects);
const aslDetected = errorEntries.filter((e) => !aslAccepts(e.definition));

const row = (label: string, stepwise: string, asl: string) =>
  `${label.padEnd(44)}${stepwise.padStart(12)}${asl.padStart(16)}`;
console.log(row('', 'Stepwise', 'asl-validator'));
console.log(
  row(
    `Corpus definitions accepted (of ${corpus.length})`,
    `${corpus.length - stepwiseFalseAlarms.length}`,
    `${corpus.length - aslFalseAlarms.length}`,
  ),
);
console.log(row('Corpus false alarms', `${stepwiseFalseAlarms.length}`, `${aslFalseAlarms.length}`));
console.log(
  row(
    `Invalid definitions detected (of ${errorEntries.length})`,
    `${stepwiseDetected.length}`,
    `${aslDetected.length}`,
  ),
);
console.log(
  `\n(Stepwise counts a detection only with the expected code at the expected location; asl-validator any rejection.)`,
);

const missedByAsl = errorEntries.filter((e) => !aslDetected.includes(e)).map((e) => `${e.code}: ${e.name}`);
if (missedByAsl.length > 0)
  console.log(`\nMissed by asl-validator (${missedByAsl.length}):\n  ${missedByAsl.join('\n  ')}`);
if (aslFalseAlarms.length > 0) {
  console.log(
    `\nasl-validator false alarms (${aslFalseAlarms.length}): ${aslFalseAlarms
      .slice(0, 15)
      .map((c) => c.id)
      .join(', ')}${aslFalseAlarms.length > 15 ? ', ...' : ''}`,
  );
}
for (const { id } of stepwiseFalseAlarms) console.log(`Stepwise false alarm: ${id}`);
console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
