import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

type ReadFile = (path: string) => string;

const readText: ReadFile = (path) => readFileSync(path, 'utf8');

/**
 * The CPU time a cgroup (a container's `--cpus`) allows this process, in CPUs, if it is limited:
 * Node 20 counts the CPUs it may run on, not the share of them it may use.
 */
export function cgroupCpuQuota(read: ReadFile = readText): number | undefined {
  const v2 = attempt(() => read('/sys/fs/cgroup/cpu.max').trim().split(/\s+/));
  if (v2) return v2[0] === 'max' ? undefined : ratio(v2[0], v2[1]);
  const quota = attempt(() => read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us').trim());
  const period = attempt(() => read('/sys/fs/cgroup/cpu/cpu.cfs_period_us').trim());
  return quota === undefined || quota === '-1' ? undefined : ratio(quota, period);
}

/** Whole CPUs this process can keep busy at once. */
export function usableCpus(read: ReadFile = readText): number {
  const cpus = availableParallelism();
  const quota = cgroupCpuQuota(read);
  return quota === undefined ? cpus : Math.max(1, Math.min(cpus, Math.floor(quota)));
}

function ratio(quota: string | undefined, period: string | undefined): number | undefined {
  const value = Number(quota) / Number(period);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
