import type { CliIo } from '../cli/io';

/** An in-memory terminal or pipe for running `main` without a process. */
export function memoryIo(options: { tty?: boolean; env?: Record<string, string>; cwd?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (chunk: string) => out.push(chunk), isTTY: options.tty ?? false },
    stderr: { write: (chunk: string) => err.push(chunk), isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
