import { randomUUID } from 'node:crypto';
import jsonata from 'jsonata';
import { arrayRange } from '../intrinsics/functions/array-functions';
import { HASH_ALGORITHMS, hashText } from '../intrinsics/functions/hash-text';
import { seededRandom } from '../intrinsics/functions/seeded-random';
import { IntrinsicFailureError } from '../intrinsics/intrinsic-errors';
import { JsonataEvaluationError } from './jsonata-errors';

/**
 * Sources of randomness (`$random`, `$uuid`) and of time (`$now`, `$millis`), injectable so that
 * runs can be reproduced and a virtual clock is the time expressions see.
 */
export interface JsonataRandomSources {
  /** A number in [0, 1), like `Math.random`. */
  readonly random?: () => number;
  /** A version 4 UUID string. */
  readonly uuid?: () => string;
  /** Milliseconds since the epoch; JSONata's own clock when absent. */
  readonly now?: () => number;
}

type JsonataFunction = (...args: unknown[]) => unknown;

function fail(name: string, reason: string): JsonataEvaluationError {
  return new JsonataEvaluationError(`Invalid arguments in ${name}: ${reason}`);
}

/** jsonata collapses a one-item sequence to its item; AWS's `$range` behaves so (corpus). */
function asSequence(items: unknown[]): unknown[] {
  Object.defineProperty(items, 'sequence', { value: true });
  return items;
}

/**
 * `$fromMillis` with a picture and time zone, for `$now(picture, timezone)` on an injected clock;
 * compiled on first use, not when the package loads.
 */
let formatMillis: ReturnType<typeof jsonata> | undefined;

function formatMillisExpression(): ReturnType<typeof jsonata> {
  formatMillis ??= jsonata('$fromMillis($millis, $picture, $timezone)');
  return formatMillis;
}

/**
 * `$now` and `$millis` on the given clock. As in JSONata, every call within one evaluation sees the
 * same instant, read on the first call.
 */
function clockFunctions(now: () => number): Record<string, JsonataFunction> {
  let at: number | undefined;
  const instant = () => {
    at ??= now();
    return at;
  };
  return {
    millis: () => instant(),
    now: (picture, timezone) =>
      picture === undefined && timezone === undefined
        ? new Date(instant()).toISOString()
        : formatMillisExpression().evaluate({}, { millis: instant(), picture, timezone }),
  };
}

/** The functions Step Functions adds to JSONata, plus a refusing `$eval`. */
export function awsJsonataFunctions(sources: JsonataRandomSources = {}): Record<string, JsonataFunction> {
  return {
    ...(sources.now ? clockFunctions(sources.now) : {}),
    partition: (array, size) => {
      if (!Array.isArray(array)) throw fail('$partition', 'the first argument must be an array');
      if (typeof size !== 'number' || !Number.isSafeInteger(size) || size <= 0) {
        throw fail('$partition', 'the chunk size must be a positive integer');
      }
      const chunks: unknown[][] = [];
      for (let i = 0; i < array.length; i += size) chunks.push(array.slice(i, i + size));
      return chunks;
    },
    range: (start, end, step) => {
      try {
        return asSequence(arrayRange('$range', [start, end, step]));
      } catch (error) {
        if (error instanceof IntrinsicFailureError) throw new JsonataEvaluationError(error.message);
        throw error;
      }
    },
    hash: (value, algorithm) => {
      if (typeof value !== 'string') throw fail('$hash', 'the value to hash must be a string');
      const digest = typeof algorithm === 'string' ? hashText(value, algorithm) : undefined;
      if (digest === undefined) {
        throw fail(
          '$hash',
          `unsupported hash algorithm ${JSON.stringify(algorithm)} (supported: ${HASH_ALGORITHMS.join(', ')})`,
        );
      }
      return digest;
    },
    random: (...args) => {
      const [seed] = args;
      if (args.length === 0 || seed === undefined) return (sources.random ?? Math.random)();
      if (typeof seed !== 'number' || !Number.isFinite(seed))
        throw fail('$random', 'the seed must be a number');
      return seededRandom(seed)();
    },
    uuid: () => (sources.uuid ?? randomUUID)(),
    parse: (text) => {
      if (typeof text !== 'string') throw fail('$parse', 'the argument must be a string');
      try {
        return JSON.parse(text);
      } catch {
        throw fail('$parse', `the string is not valid JSON: ${text}`);
      }
    },
    eval: () => {
      throw new JsonataEvaluationError('The JSONata function $eval is not supported');
    },
  };
}
