import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from '@stepwise/asl';
import { createRuntime } from '@stepwise/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageFunctions } from './handlers';
import { decodePng, readPngSize } from './png';
import { imageProcessing } from './workflow';

const sample = fileURLToPath(new URL('./fixtures/sample.png', import.meta.url));
let outputDir: string;

beforeEach(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'stepwise-images-'));
});
afterEach(() => rm(outputDir, { recursive: true, force: true }));

/** The RGBA value at (x, y). */
const pixel = (image: ReturnType<typeof decodePng>, x: number, y: number) =>
  Array.from(image.pixels.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4));

describe('the image-processing example', () => {
  it('is a valid state machine', () => {
    expect(validate(imageProcessing).ok).toBe(true);
  });

  it('reads the size from the PNG header of the committed sample', async () => {
    expect(readPngSize(await readFile(sample))).toEqual({ width: 64, height: 48 });
  });

  it('writes two real thumbnails in parallel and records their metadata', async () => {
    const runtime = createRuntime({ lambdaFunctions: imageFunctions });
    const execution = runtime.startExecution(imageProcessing, { input: { source: sample, outputDir } });
    const result = await execution.result();
    expect(result.status).toBe('SUCCEEDED');
    const output = (result as { output: { original: unknown; thumbnails: unknown[] } }).output;
    expect(output.original).toEqual({ width: 64, height: 48, bytes: 156 });
    expect(output.thumbnails).toEqual([
      { file: 'sample-16w.png', width: 16, height: 12, bytes: expect.any(Number) },
      { file: 'sample-32w.png', width: 32, height: 24, bytes: expect.any(Number) },
    ]);

    const small = decodePng(await readFile(join(outputDir, 'sample-16w.png')));
    expect([small.width, small.height]).toEqual([16, 12]);
    // The four quadrants stay where they were.
    expect(pixel(small, 0, 0)).toEqual([220, 40, 40, 255]);
    expect(pixel(small, 15, 0)).toEqual([40, 200, 60, 255]);
    expect(pixel(small, 0, 11)).toEqual([40, 80, 220, 255]);
    expect(pixel(small, 15, 11)).toEqual([240, 220, 40, 255]);

    const metadata = JSON.parse(await readFile(join(outputDir, 'sample.json'), 'utf8'));
    expect(metadata).toEqual({
      source: 'sample.png',
      original: output.original,
      thumbnails: output.thumbnails,
    });
    const entered = execution
      .history()
      .flatMap((e) => (e.stateEnteredEventDetails ? [e.stateEnteredEventDetails.name] : []));
    expect(entered).toEqual([
      'Read Image',
      'Make Thumbnails',
      'Thumbnail 16px',
      'Thumbnail 32px',
      'Record Metadata',
    ]);
  });

  it('fails with Image.NotPng for a file that is not a PNG', async () => {
    const runtime = createRuntime({ lambdaFunctions: imageFunctions });
    const notPng = fileURLToPath(new URL('./workflow.ts', import.meta.url));
    const result = await runtime.execute(imageProcessing, { input: { source: notPng, outputDir } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'Image.NotPng' });
  });
});
