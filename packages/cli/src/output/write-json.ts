import type { OutputStream } from '../cli/io';

/** Machine-readable output: one pretty-printed JSON document and a newline, never colored. */
export function writeJson(stream: OutputStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}
