// Time to validate each definition of the shared conformance corpus (all accepted by AWS), beside
// the time the zod schema alone takes to parse them, in one process: the ratio is what the checks
// beyond the shape (transitions, reachability, paths, expressions) add. Run:
// pnpm --filter @stepwise/asl bench

import { stateMachineSchema, validate } from '../src/index';
import { loadCorpusDefinitions } from '../src/validator/corpus-definitions';

const corpus = loadCorpusDefinitions().map(({ definition }) => definition);
if (corpus.length === 0) {
  console.error('No corpus: the conformance cases are read from ../shared beside the checkout.');
  process.exit(1);
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

/** Microseconds per definition for one pass over the corpus. */
function pass(work: (definition: unknown) => unknown): number {
  const started = performance.now();
  for (const definition of corpus) work(definition);
  return ((performance.now() - started) * 1000) / corpus.length;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

const workloads = {
  validate: (definition: unknown) => validate(definition),
  schemaOnly: (definition: unknown) => stateMachineSchema.safeParse(definition),
};
// Warm both up, then alternate them so a noisy machine weighs on each alike.
for (const work of Object.values(workloads)) for (let i = 0; i < 3; i++) pass(work);
const times: Record<keyof typeof workloads, number[]> = { validate: [], schemaOnly: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, work] of Object.entries(workloads)) {
    times[name as keyof typeof workloads].push(pass(work));
  }
}

const validateUs = median(times.validate);
const schemaUs = median(times.schemaOnly);
console.log(
  JSON.stringify(
    {
      definitions: corpus.length,
      rounds: ROUNDS,
      validateMicrosecondsEach: +validateUs.toFixed(1),
      schemaOnlyMicrosecondsEach: +schemaUs.toFixed(1),
      validateToSchemaOnly: +(validateUs / schemaUs).toFixed(2),
      target: 'validate well under a millisecond per definition',
    },
    null,
    2,
  ),
);
