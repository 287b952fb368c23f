import { describe, expect, it } from 'vitest';
import { taskTokenFrom } from './task-rows';

const row = (answer: Record<string, unknown>) => ({
  token: 'tok',
  execution_arn: 'arn:aws:states:us-east-1:123456789012:execution:M:e',
  activity_arn: null,
  input: null,
  scheduled_at: 1,
  state: 'ANSWERED',
  taken: 0,
  worker_name: null,
  heartbeats: 0,
  output: null,
  error: null,
  cause: null,
  ...answer,
});

describe('a stored task answer read back', () => {
  it('is the answer as stored when it reads', () => {
    expect(taskTokenFrom(row({ answer_kind: 'SUCCESS', output: '{"ok":true}' })).answer).toEqual({
      kind: 'SUCCESS',
      output: '{"ok":true}',
    });
    expect(taskTokenFrom(row({ answer_kind: 'FAILURE', error: 'E', cause: 'C' })).answer).toEqual({
      kind: 'FAILURE',
      error: 'E',
      cause: 'C',
    });
  });

  it.each([
    [{ answer_kind: 'SUCESS', output: '{}' }, /unknown kind "SUCESS"/],
    [{ answer_kind: 'SUCCESS', output: '{not json' }, /its answer is not JSON/],
  ])('fails the task with States.Runtime naming the corruption: %j', (answer, cause) => {
    const read = taskTokenFrom(row(answer)).answer;
    expect(read).toMatchObject({ kind: 'FAILURE', error: 'States.Runtime' });
    expect(read?.kind === 'FAILURE' && read.cause).toMatch(cause);
    expect(read?.kind === 'FAILURE' && read.cause).toMatch(/corrupted task token tok/);
  });
});
