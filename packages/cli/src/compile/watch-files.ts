import { type FSWatcher, watch } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Calls `onChange` once after a burst of changes to any of the files.
 * Directories are watched rather than files, because editors often replace
 * a file (write a copy, rename it over) and a watch on the file would end.
 */
export function watchFiles(files: readonly string[], onChange: () => void): () => void {
  const paths = new Set(files.map((file) => (file.startsWith('file:') ? fileURLToPath(file) : file)));
  const directories = new Set([...paths].map((path) => dirname(path)));
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [...directories].map((directory) =>
    watch(directory, (_event, name) => {
      if (name === null || ![...paths].some((path) => path === `${directory}/${name}`)) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, 150);
    }),
  );
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
