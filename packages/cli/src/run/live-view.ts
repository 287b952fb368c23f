import type { OutputStream } from '../cli/io';

/**
 * Lines that scroll, plus one live line (a progress bar) kept at the bottom
 * and redrawn in place. Only for a terminal: a pipe gets no live line.
 */
export class LiveView {
  #live: string | undefined;

  constructor(readonly stream: OutputStream) {}

  line(text: string): void {
    this.#erase();
    this.stream.write(`${text}\n`);
    this.#draw();
  }

  setLive(text: string | undefined): void {
    this.#erase();
    this.#live = text;
    this.#draw();
  }

  #erase(): void {
    if (this.#live !== undefined && this.stream.isTTY) this.stream.write('\r\u001b[2K');
  }

  #draw(): void {
    if (this.#live !== undefined && this.stream.isTTY) this.stream.write(this.#live);
  }
}

export function progressBar(done: number, total: number | undefined, width = 24): string {
  if (total === undefined || total <= 0) return `[${'·'.repeat(width)}]`;
  const filled = Math.min(width, Math.round((done / total) * width));
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}
