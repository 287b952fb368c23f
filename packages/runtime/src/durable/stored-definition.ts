import { InvalidDefinitionError } from '../errors/runtime-errors';
import type { StoredExecution } from './durable-store';
import type { MachineCatalog } from './machine-catalog';
import { DurableResourceNotFoundError, StoreCorruptionError } from './store-errors';

/**
 * The definition a stored execution runs. The store never deletes one an execution names, so a
 * missing one is damage to that execution, named as such (a resume's error must say which of the
 * executions it resumed cannot run, and reading again will not cure it).
 */
export async function storedDefinition(catalog: MachineCatalog, row: StoredExecution): Promise<string> {
  try {
    return await catalog.definitionText(row.definitionId);
  } catch (error) {
    if (!(error instanceof DurableResourceNotFoundError)) throw error;
    throw new StoreCorruptionError(
      `execution ${row.executionArn}`,
      `its definition ${row.definitionId} is not in the store`,
    );
  }
}

/**
 * Starts a stored execution's run. Its definition was checked when it was stored: one the engine
 * refuses now was changed in the store, and is damage to that execution rather than a failure a
 * later try could get past.
 */
export function runStored<T>(row: StoredExecution, start: () => T): T {
  try {
    return start();
  } catch (error) {
    if (!(error instanceof InvalidDefinitionError)) throw error;
    throw new StoreCorruptionError(
      `execution ${row.executionArn}`,
      `its definition ${row.definitionId} is not a state machine (${error.message})`,
    );
  }
}
