import { PathTooCostlyError } from './path-errors';

/**
 * Steps one path evaluation may take, a step being a node matched, visited below a `..` or tested
 * by a filter. A payload of 256 KiB has at most about 130,000 nodes; this allows dozens of passes
 * over all of them, and stops a hostile path within a fraction of a second instead of after
 * hours, or after the process runs out of memory.
 */
export const PATH_STEP_LIMIT = 5_000_000;

let left = PATH_STEP_LIMIT;

/**
 * Starts a path's budget. Evaluation is synchronous and a filter's own paths run inside it, so
 * one module-wide counter serves every evaluation; only a path's outermost read starts it.
 */
export function startPathBudget(): void {
  left = PATH_STEP_LIMIT;
}

/** Spends `steps`, failing the evaluation once the budget is gone. */
export function spendPathSteps(steps: number): void {
  left -= steps;
  if (left < 0) throw new PathTooCostlyError(PATH_STEP_LIMIT);
}
