import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { cgroupCpuQuota, usableCpus } from './usable-cpus';

/** A file system holding only `files`. */
function files(contents: Record<string, string>) {
  return (path: string) => {
    const text = contents[path];
    if (text === undefined) throw new Error(`ENOENT: ${path}`);
    return text;
  };
}

describe('the CPUs the writer thread can count on', () => {
  it('reads a cgroup v2 quota, and none when it is unlimited', () => {
    expect(cgroupCpuQuota(files({ '/sys/fs/cgroup/cpu.max': '150000 100000\n' }))).toBe(1.5);
    expect(cgroupCpuQuota(files({ '/sys/fs/cgroup/cpu.max': 'max 100000\n' }))).toBeUndefined();
  });

  it('reads a cgroup v1 quota, and none when it is -1', () => {
    const v1 = (quota: string) =>
      files({
        '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': quota,
        '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000\n',
      });
    expect(cgroupCpuQuota(v1('200000\n'))).toBe(2);
    expect(cgroupCpuQuota(v1('-1\n'))).toBeUndefined();
  });

  it('finds no quota without cgroup files or with ones it cannot read', () => {
    expect(cgroupCpuQuota(files({}))).toBeUndefined();
    expect(cgroupCpuQuota(files({ '/sys/fs/cgroup/cpu.max': 'garbage' }))).toBeUndefined();
  });

  it('counts whole CPUs within the quota, at least one, and no more than the machine has', () => {
    const quota = (cpus: string) => files({ '/sys/fs/cgroup/cpu.max': `${cpus} 100000` });
    expect(usableCpus(quota('150000'))).toBe(1);
    expect(usableCpus(quota('50000'))).toBe(1);
    expect(usableCpus(quota('100000000'))).toBe(availableParallelism());
    expect(usableCpus(files({}))).toBe(availableParallelism());
  });
});
