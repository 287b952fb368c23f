import { jsonSizeBound } from '../dataflow/json-size-bound';
import { MAX_PAYLOAD_BYTES } from '../dataflow/payload-size';
import { InvalidExecutionInputError } from '../errors/runtime-errors';

/**
 * Refuses, before anything runs, an input AWS's StartExecution would refuse: one with no JSON (a
 * BigInt, a cycle, a function, a symbol) or whose JSON is over 256 KiB. Plain data well within the limit is
 * settled by bounding its size, without serialising it.
 */
export function checkExecutionInput(input: unknown): void {
  const bound = jsonSizeBound(input, MAX_PAYLOAD_BYTES);
  // A function or a symbol has no JSON at all, though its size is bounded like a value's.
  const valueLike = typeof input !== 'function' && typeof input !== 'symbol';
  if (bound !== undefined && bound <= MAX_PAYLOAD_BYTES && valueLike) return;
  let text: string | undefined;
  try {
    text = JSON.stringify(input);
  } catch (error) {
    // JSON.stringify recurses: data nested some thousands deep overflows the stack.
    const reason = error instanceof RangeError ? 'it is nested too deeply' : describe(error);
    throw new InvalidExecutionInputError(`The execution input is not JSON: ${reason}`);
  }
  if (text === undefined)
    throw new InvalidExecutionInputError(`The execution input is not JSON: ${typeof input}`);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw new InvalidExecutionInputError(
      `The execution input is ${bytes} bytes of JSON, over the limit of ${MAX_PAYLOAD_BYTES} bytes (256 KiB).`,
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
