import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { ItemReader } from './item-reader';
import { parseCsv } from './parse-csv';

/**
 * Reads a distributed Map's items from local files laid out as `<root>/<Bucket>/<Key>`, standing in
 * for `arn:aws:states:::s3:getObject`. `ReaderConfig.InputType` picks the format: JSON (an array),
 * JSONL (one value per line) or CSV (rows as objects keyed by the header).
 */
export function createFileItemReader(options: { readonly root: string }): ItemReader {
  const root = resolve(options.root);
  return async ({ parameters, readerConfig }) => {
    const file = resolve(root, String(parameters.Bucket ?? ''), String(parameters.Key ?? ''));
    // Bucket and Key come from the definition or the data; they may not climb out of the root.
    if (!file.startsWith(root + sep))
      throw new Error(`The object '${String(parameters.Key)}' is outside the item root.`);
    const text = await readFile(file, 'utf8');
    switch (readerConfig.InputType) {
      case 'JSONL':
        return text
          .split(/\r?\n/)
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as unknown);
      case 'CSV': {
        const given = Array.isArray(readerConfig.CSVHeaders)
          ? (readerConfig.CSVHeaders as string[])
          : undefined;
        return parseCsv(text, readerConfig.CSVHeaderLocation === 'GIVEN' ? given : undefined);
      }
      default: {
        const value: unknown = JSON.parse(text);
        if (!Array.isArray(value)) throw new Error('The JSON object does not hold an array of items.');
        return value;
      }
    }
  };
}

/** Supplies a fixed array, for tests and for items computed before the execution starts. */
export function createArrayItemReader(items: readonly unknown[]): ItemReader {
  return () => items;
}
