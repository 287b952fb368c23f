import { describe, expect, it } from 'vitest';
import { createColors } from '../output/colors';
import { LiveView } from './live-view';
import { type ProgressEvent, ProgressReporter } from './progress-reporter';

function terminal() {
  const writes: string[] = [];
  const view = new LiveView({ write: (chunk: string) => writes.push(chunk), isTTY: true });
  const reporter = new ProgressReporter(view, createColors(false));
  let id = 0;
  const emit = (type: string, details: Record<string, unknown> = {}, previousEventId = id) => {
    id++;
    const key = type.endsWith('StateEntered')
      ? 'stateEnteredEventDetails'
      : type.endsWith('StateExited')
        ? 'stateExitedEventDetails'
        : `${type[0]?.toLowerCase()}${type.slice(1)}EventDetails`;
    reporter.onEvent({ id, previousEventId, type, [key]: details } as ProgressEvent);
  };
  return { writes, emit, screen: () => writes.join('') };
}

describe('ProgressReporter', () => {
  it('shows each state entered and left', () => {
    const { emit, screen } = terminal();
    emit('ExecutionStarted');
    emit('PassStateEntered', { name: 'Greet' });
    emit('PassStateExited', { name: 'Greet' });
    expect(screen()).toBe('→ Greet\n✓ Greet\n');
  });

  it('shows a failure with its error and cause, then each retry with its attempt number', () => {
    const { emit, screen } = terminal();
    emit('TaskStateEntered', { name: 'Charge' });
    emit('TaskScheduled');
    emit('TaskFailed', { error: 'Busy', cause: 'try later' });
    emit('TaskScheduled');
    emit('TaskFailed', { error: 'Busy' });
    emit('TaskScheduled');
    emit('TaskSucceeded');
    emit('TaskStateExited', { name: 'Charge' });
    expect(screen()).toBe(
      [
        '→ Charge',
        '✗ Charge Busy: try later',
        '↻ Charge retry, attempt 2',
        '✗ Charge Busy',
        '↻ Charge retry, attempt 3',
        '✓ Charge',
        '',
      ].join('\n'),
    );
  });

  it('draws a Map state as a bar redrawn in place, instead of every iteration', () => {
    const { emit, writes } = terminal();
    emit('MapStateEntered', { name: 'Each' });
    emit('MapStateStarted', { length: 2 });
    emit('MapIterationStarted', { index: 0 });
    emit('PassStateEntered', { name: 'Inner' });
    emit('MapIterationSucceeded', { index: 0 });
    emit('MapIterationFailed', { index: 1 });
    emit('MapStateFailed');
    expect(writes.join('')).not.toContain('Inner');
    expect(writes).toContain(`  [${'█'.repeat(12)}${'░'.repeat(12)}] 1/2 items`);
    expect(writes).toContain(`  [${'█'.repeat(24)}] 2/2 items (1 failed)`);
    expect(writes.at(-1)).toBe('✗ Each (1 succeeded, 1 failed)\n');
    expect(writes.at(-2)).toBe('\r\u001b[2K');
  });
});
