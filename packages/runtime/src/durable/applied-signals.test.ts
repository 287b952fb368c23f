import { describe, expect, it } from 'vitest';
import { type AppliedTaskSignals, hasUnappliedSignal } from './applied-signals';
import type { StoredTaskToken } from './stored-tasks';

const token = (fields: Partial<StoredTaskToken>): StoredTaskToken => ({
  token: 'exec.1',
  executionArn: 'arn:aws:states:us-east-1:123456789012:execution:M:exec',
  activityArn: 'arn:aws:states:us-east-1:123456789012:activity:review',
  input: '{}',
  scheduledAt: 0,
  state: 'OPEN',
  taken: false,
  workerName: undefined,
  heartbeats: 0,
  heartbeatAt: undefined,
  answer: undefined,
  ...fields,
});

const applied = (fields: Partial<AppliedTaskSignals> = {}): AppliedTaskSignals[] => [
  { token: 'exec.1', taken: false, heartbeats: 0, ...fields },
];

describe('a stored signal the execution was not given', () => {
  it('is any stored answer', () => {
    const answer = { kind: 'SUCCESS', output: '1' } as const;
    expect(hasUnappliedSignal(token({ state: 'ANSWERED', answer }), applied())).toBe(true);
  });

  it('is a pick-up it did not record, and not one it did', () => {
    expect(hasUnappliedSignal(token({ taken: true }), [])).toBe(true);
    expect(hasUnappliedSignal(token({ taken: true }), applied())).toBe(true);
    expect(hasUnappliedSignal(token({ taken: true }), applied({ taken: true }))).toBe(false);
  });

  it('is a heartbeat beyond those it applied', () => {
    expect(
      hasUnappliedSignal(token({ taken: true, heartbeats: 3 }), applied({ taken: true, heartbeats: 2 })),
    ).toBe(true);
    expect(
      hasUnappliedSignal(token({ taken: true, heartbeats: 3 }), applied({ taken: true, heartbeats: 3 })),
    ).toBe(false);
    expect(hasUnappliedSignal(token({ heartbeats: 1 }), [])).toBe(true);
  });

  it('is nothing on a token whose outcome is committed, or one that only waits', () => {
    expect(hasUnappliedSignal(token({ state: 'CLOSED', taken: true, heartbeats: 4 }), [])).toBe(false);
    expect(hasUnappliedSignal(token({ state: 'TIMED_OUT', heartbeats: 1 }), [])).toBe(false);
    expect(hasUnappliedSignal(token({}), [])).toBe(false);
  });

  it("reads only the entry of the row's own token", () => {
    const other: AppliedTaskSignals[] = [{ token: 'exec.2', taken: true, heartbeats: 9 }];
    expect(hasUnappliedSignal(token({ taken: true }), other)).toBe(true);
  });
});
