import type { Colors } from '../output/colors';
import { type LiveView, progressBar } from './live-view';

/** The fields of a history event the progress display reads. */
export interface ProgressEvent {
  id: number;
  previousEventId: number;
  type: string;
  readonly [details: string]: unknown;
}

interface MapProgress {
  name: string;
  total: number | undefined;
  succeeded: number;
  failed: number;
}

/**
 * Turns history events into what a person watching wants to see: states
 * entered and left, retries, failures, and a bar per Map state instead of
 * every state of every iteration.
 */
export class ProgressReporter {
  readonly #view: LiveView;
  readonly #events = new Map<number, ProgressEvent>();
  readonly #maps: MapProgress[] = [];
  readonly #attempts = new Map<string, number>();

  constructor(
    view: LiveView,
    readonly colors: Colors,
  ) {
    this.#view = view;
  }

  onEvent(event: ProgressEvent): void {
    this.#events.set(event.id, event);
    const { type } = event;
    const name = detail(event, 'name');
    if (type === 'MapStateEntered') {
      if (this.#maps.length === 0)
        this.#line(`${this.colors.cyan('→')} ${name} ${this.colors.gray('(Map)')}`);
      this.#maps.push({ name: name ?? 'Map', total: undefined, succeeded: 0, failed: 0 });
    } else if (type === 'MapStateStarted')
      this.#updateMap((map) => (map.total = numberDetail(event, 'length')));
    else if (type === 'MapIterationSucceeded') this.#updateMap((map) => map.succeeded++);
    else if (type === 'MapIterationFailed' || type === 'MapIterationAborted')
      this.#updateMap((map) => map.failed++);
    else if (type === 'MapStateExited' || type === 'MapStateFailed')
      this.#closeMap(type === 'MapStateFailed');
    else if (this.#maps.length > 0) return;
    else if (type.endsWith('StateEntered')) this.#line(`${this.colors.cyan('→')} ${name}`);
    else if (type.endsWith('StateExited')) this.#line(`${this.colors.green('✓')} ${name}`);
    else if (type.endsWith('Scheduled') && this.#isRetry(event)) this.#retry(this.#stateOf(event) ?? '');
    else if (/(Failed|TimedOut)$/.test(type) && !type.startsWith('Execution')) {
      const error = detail(event, 'error') ?? type;
      const cause = detail(event, 'cause');
      this.#line(
        `${this.colors.red('✗')} ${this.#stateOf(event) ?? ''} ${error}${cause ? `: ${truncate(cause)}` : ''}`,
      );
    }
  }

  #retry(state: string): void {
    const attempt = (this.#attempts.get(state) ?? 1) + 1;
    this.#attempts.set(state, attempt);
    this.#line(`${this.colors.yellow('↻')} ${state} ${this.colors.yellow(`retry, attempt ${attempt}`)}`);
  }

  #line(text: string): void {
    this.#view.line(text);
  }

  #updateMap(change: (map: MapProgress) => void): void {
    const map = this.#maps.at(-1);
    if (!map || this.#maps.length > 1) return;
    change(map);
    const done = map.succeeded + map.failed;
    const counts = `${done}${map.total === undefined ? '' : `/${map.total}`} items`;
    const failed = map.failed > 0 ? this.colors.red(` (${map.failed} failed)`) : '';
    this.#view.setLive(`  ${progressBar(done, map.total)} ${counts}${failed}`);
  }

  #closeMap(failed: boolean): void {
    const map = this.#maps.pop();
    if (!map || this.#maps.length > 0) return;
    this.#view.setLive(undefined);
    const summary = `${map.succeeded} succeeded${map.failed > 0 ? `, ${map.failed} failed` : ''}`;
    this.#line(
      `${failed ? this.colors.red('✗') : this.colors.green('✓')} ${map.name} ${this.colors.gray(`(${summary})`)}`,
    );
  }

  /** A task scheduled right after a failure of the same state is a retry. */
  #isRetry(event: ProgressEvent): boolean {
    const previous = this.#events.get(event.previousEventId);
    return previous !== undefined && /(Failed|TimedOut)$/.test(previous.type);
  }

  #stateOf(event: ProgressEvent): string | undefined {
    let current: ProgressEvent | undefined = event;
    while (current && !current.type.endsWith('StateEntered'))
      current = this.#events.get(current.previousEventId);
    return current === undefined ? undefined : detail(current, 'name');
  }
}

function detail(event: ProgressEvent, field: string): string | undefined {
  const value = detailsOf(event)[field];
  return typeof value === 'string' ? value : undefined;
}

function numberDetail(event: ProgressEvent, field: string): number | undefined {
  const value = detailsOf(event)[field];
  return typeof value === 'number' ? value : undefined;
}

function detailsOf(event: ProgressEvent): Record<string, unknown> {
  const key = Object.keys(event).find((name) => name.endsWith('EventDetails'));
  const value = key === undefined ? undefined : event[key];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function truncate(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
