import { compileRequiredPath } from '../dataflow/jsonpath-expressions';
import type { PathScope } from '../dataflow/scope';
import { ErrorNames } from '../errors/error-names';
import { fail } from '../errors/state-failure';
import type { RawState } from '../plan/compiled-state';

/** How many failed iterations a Map accepts before it fails. */
export interface Tolerance {
  readonly count: number | undefined;
  readonly percentage: number | undefined;
}

export type ToleranceReader = (scope: PathScope) => Tolerance;

export function compileTolerance(raw: RawState): ToleranceReader {
  const count = reader(raw, 'ToleratedFailureCount', 'integer');
  const percentage = reader(raw, 'ToleratedFailurePercentage', 'float');
  return (scope) => {
    const c = count(scope);
    const p = percentage(scope);
    if (c !== undefined && c < 0)
      fail(ErrorNames.runtime, 'ToleratedFailureCount cannot be negative.', { prefixed: true });
    if (p !== undefined && (p < 0 || p > 100)) {
      fail(ErrorNames.runtime, 'ToleratedFailurePercentage must be between 0 and 100.', { prefixed: true });
    }
    return { count: c, percentage: p };
  };
}

function reader(
  raw: RawState,
  field: string,
  kind: 'integer' | 'float',
): (scope: PathScope) => number | undefined {
  const literal = raw[field];
  if (typeof literal === 'number') return () => literal;
  const source = raw[`${field}Path`];
  if (typeof source !== 'string') return () => undefined;
  const read = compileRequiredPath(source);
  return (scope) => {
    const value = numeric(read(scope));
    const valid = typeof value === 'number' && (kind === 'float' || Number.isInteger(value));
    if (!valid) {
      fail(
        ErrorNames.runtime,
        `The ${field}Path field refers to value "${describe(value)}" which is not a valid ${kind}: ${source}`,
        { prefixed: true },
      );
    }
    return value as number;
  };
}

/** MaxConcurrency(Path): 0 means no limit. */
export function compileMaxConcurrency(raw: RawState): (scope: PathScope) => number {
  if (typeof raw.MaxConcurrency === 'number') {
    const limit = raw.MaxConcurrency;
    return () => limit;
  }
  const source = raw.MaxConcurrencyPath;
  if (typeof source !== 'string') return () => 0;
  const read = compileRequiredPath(source);
  return (scope) => {
    const value = numeric(read(scope));
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      fail(
        ErrorNames.runtime,
        `The MaxConcurrencyPath field refers to value "${describe(value)}" which is not a valid integer: ${source}`,
        { prefixed: true },
      );
    }
    return value;
  };
}

/** AWS reads these fields' paths leniently: a string spelling a number counts as that number. */
function numeric(value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : value;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Whether `failed` of `total` iterations is more than the Map accepts. */
export function exceedsTolerance(tolerance: Tolerance, failed: number, total: number): boolean {
  if (failed === 0) return false;
  if (tolerance.count === undefined && tolerance.percentage === undefined) return true;
  const overCount = tolerance.count !== undefined && failed > tolerance.count;
  const overPercentage = tolerance.percentage !== undefined && (failed / total) * 100 > tolerance.percentage;
  return overCount || overPercentage;
}
