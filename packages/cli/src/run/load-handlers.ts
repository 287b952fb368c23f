import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TaskHandlers } from '@stepwise/runtime';
import { InputFileError, WorkflowLoadError } from '../cli/errors';
import { importModule } from '../input/import-module';

/**
 * Loads `--handlers <module>`: its default export, or its export named
 * `handlers`, maps resource ARNs (exact, or globs with `*`) to async
 * functions, or is a list of `{resource, handler}` routes.
 */
export async function loadHandlers(file: string, cwd: string): Promise<TaskHandlers> {
  const path = resolve(cwd, file);
  if (!statSync(path, { throwIfNoEntry: false })?.isFile())
    throw new InputFileError(`Cannot read ${file}: no such file.`);
  const { exports } = await importModule(path, file);
  const candidate = exports.handlers ?? unwrapDefault(exports.default);
  if (isHandlerMap(candidate) || isRouteList(candidate)) return candidate;
  throw new WorkflowLoadError(
    `${file} must export handlers as its default export or as "handlers": an object mapping resource ARNs to functions.`,
  );
}

/** A CommonJS module imported from ESM puts module.exports under default, itself possibly with a default. */
function unwrapDefault(value: unknown): unknown {
  const inner =
    (value as { default?: unknown; handlers?: unknown } | null)?.handlers ??
    (value as { default?: unknown } | null)?.default;
  return isHandlerMap(value) || isRouteList(value) ? value : inner;
}

function isHandlerMap(value: unknown): value is Readonly<Record<string, (input: unknown) => unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.values(value);
  return entries.length > 0 && entries.every((entry) => typeof entry === 'function');
}

function isRouteList(value: unknown): value is TaskHandlers {
  return (
    Array.isArray(value) &&
    value.every(
      (route) =>
        typeof route === 'object' &&
        route !== null &&
        typeof (route as { handler?: unknown }).handler === 'function',
    )
  );
}
