import type { OutputStream } from '../cli/io';

export interface Colors {
  readonly enabled: boolean;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  cyan(text: string): string;
  gray(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

/**
 * Colors only on a terminal. NO_COLOR (https://no-color.org) and --no-color
 * always win; FORCE_COLOR turns colors on where no terminal is (CI logs).
 */
export function colorsEnabled(
  stream: OutputStream,
  env: Readonly<Record<string, string | undefined>>,
  noColorFlag = false,
): boolean {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

export function createColors(enabled: boolean): Colors {
  const paint = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    enabled,
    red: paint(31, 39),
    green: paint(32, 39),
    yellow: paint(33, 39),
    blue: paint(34, 39),
    cyan: paint(36, 39),
    gray: paint(90, 39),
    bold: paint(1, 22),
    dim: paint(2, 22),
  };
}
