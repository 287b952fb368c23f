import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lambda, SchemaValidationError, task, workflow } from '../index';
import type { HandlerContext } from './schema-checks';

const Order = z.object({ id: z.string(), qty: z.number().positive() });
const Receipt = z.object({ receiptId: z.string() });
const charge = workflow({ input: Order }).define((s) =>
  s.next(task('Charge', { resource: lambda('Charge'), input: Order, result: Receipt })),
);

const call = (stateName: string) => ({ stateName }) as HandlerContext;

describe('task handlers wrapped with the workflow schemas', () => {
  it('pass valid input to the handler and return its valid result untouched', async () => {
    const handlers = charge.handlers({
      [lambda('Charge')]: (input) => ({ receiptId: `r-${(input as { id: string }).id}` }),
    });
    await expect(
      handlers[lambda('Charge')]?.({ id: 'o-1', qty: 2, extra: true }, call('Charge')),
    ).resolves.toEqual({
      receiptId: 'r-o-1',
    });
  });

  it('fail with Stepwise.SchemaValidationFailed, listing each issue with its path, when the input is wrong', async () => {
    let called = false;
    const handlers = charge.handlers({
      [lambda('Charge')]: () => {
        called = true;
        return { receiptId: 'r' };
      },
    });
    const failure = handlers[lambda('Charge')]?.({ id: 7, qty: -1 }, call('Charge'));
    await expect(failure).rejects.toBeInstanceOf(SchemaValidationError);
    await expect(failure).rejects.toMatchObject({
      name: 'Stepwise.SchemaValidationFailed',
      code: 'BUILDER_SCHEMA_VALIDATION_FAILED',
      issues: [
        { path: '$.id', message: expect.any(String) },
        { path: '$.qty', message: expect.any(String) },
      ],
    });
    await expect(failure).rejects.toThrow(
      /The input of task "Charge" does not match its schema: \$\.id: .*; \$\.qty: /,
    );
    expect(called).toBe(false);
  });

  it('fail the same way when the result is wrong', async () => {
    const handlers = charge.handlers({ [lambda('Charge')]: () => ({ receipt: 1 }) });
    await expect(handlers[lambda('Charge')]?.({ id: 'o', qty: 1 }, call('Charge'))).rejects.toMatchObject({
      name: 'Stepwise.SchemaValidationFailed',
      issues: [{ path: '$.receiptId' }],
    });
  });

  it('leave states without schemas unchecked', async () => {
    const handlers = charge.handlers({ other: () => 'anything' });
    await expect(handlers.other?.(42, call('Elsewhere'))).resolves.toBe('anything');
  });
});

describe('execution input', () => {
  it('is returned typed when it matches the input schema', () => {
    const input: { id: string; qty: number } = charge.parseInput({ id: 'o', qty: 1 });
    expect(input).toEqual({ id: 'o', qty: 1 });
  });

  it('is refused with every issue when it does not', () => {
    expect(() => charge.parseInput({ qty: 0 })).toThrow(SchemaValidationError);
    expect(() => charge.parseInput({ qty: 0 })).toThrow(
      /The execution input does not match its schema: \$\.id: /,
    );
  });

  it('is checked before a runtime starts the workflow', () => {
    const started: unknown[] = [];
    const runtime = {
      startExecution: (_definition: unknown, options: { input?: unknown }) => started.push(options),
    };
    charge.startExecution(runtime, { input: { id: 'o', qty: 1 } });
    expect(started).toEqual([{ input: { id: 'o', qty: 1 } }]);
    expect(() => charge.startExecution(runtime, { input: {} })).toThrow(SchemaValidationError);
    expect(started).toHaveLength(1);
  });
});
