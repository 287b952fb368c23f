import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { map, pass, workflow } from '../index';

const Batch = z.object({ lines: z.array(z.object({ sku: z.string() })), limit: z.number() });

describe('map', () => {
  it('reads MaxConcurrency from the data through a path', () => {
    const wf = workflow({ input: Batch }).define((start) =>
      start.next(
        map('Each', {
          itemsPath: '$.lines',
          maxConcurrency: '$.limit',
          processor: (line) => line.next(pass('Line', { inputPath: '$.sku' })),
        }),
      ),
    );
    expect(wf.compile().States.Each).toMatchObject({ ItemsPath: '$.lines', MaxConcurrencyPath: '$.limit' });
  });

  it('iterates its input when it has no ItemsPath', () => {
    const wf = workflow({ input: Batch }).define((start) =>
      start.next(
        map('Each', {
          inputPath: '$.lines',
          processor: (line) => line.next(pass('Line', { inputPath: '$.sku' })),
        }),
      ),
    );
    expect(wf.compile().States.Each).not.toHaveProperty('ItemsPath');
  });
});
