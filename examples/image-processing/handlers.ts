import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type LambdaFunctions, TaskFailedError } from '@stepwise/runtime';
import { decodePng, encodePng, readPngSize, resizeNearest } from './png';

interface ThumbnailRequest {
  readonly source: string;
  readonly outputDir: string;
  readonly width: number;
}

/** The functions of the pipeline, registered with `createRuntime({ lambdaFunctions })`. */
export const imageFunctions: LambdaFunctions = {
  /** Reads only the PNG header: the size is all the rest of the workflow needs to know. */
  async ReadImage(event) {
    const { path } = event as { path: string };
    const file = await readFile(path);
    try {
      return { ...readPngSize(file), bytes: file.length };
    } catch (error) {
      throw new TaskFailedError('Image.NotPng', `${path}: ${(error as Error).message}`);
    }
  },

  /** Decodes the pixels, downscales them nearest-neighbour and writes a new PNG. */
  async MakeThumbnail(event) {
    const { source, outputDir, width } = event as ThumbnailRequest;
    const thumbnail = resizeNearest(decodePng(await readFile(source)), width);
    await mkdir(outputDir, { recursive: true });
    const name = `${basename(source, extname(source))}-${width}w.png`;
    const file = encodePng(thumbnail);
    await writeFile(join(outputDir, name), file);
    return { file: name, width: thumbnail.width, height: thumbnail.height, bytes: file.length };
  },

  /** Writes what was made next to the thumbnails, as a JSON document. */
  async RecordMetadata(event) {
    const { source, image, thumbnails, outputDir } = event as {
      source: string;
      image: unknown;
      thumbnails: unknown[];
      outputDir: string;
    };
    const metadata = { source: basename(source), original: image, thumbnails };
    const file = join(outputDir, `${basename(source, extname(source))}.json`);
    await writeFile(file, `${JSON.stringify(metadata, null, 2)}\n`);
    return { metadataFile: file, ...metadata };
  },
};
