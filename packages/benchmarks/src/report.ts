import type { Measurement } from './measure';

export interface WorkloadResult {
  readonly workload: string;
  readonly description: string;
  readonly stepwise: Measurement;
  readonly anchor: Measurement;
  /** The least work any runtime must do, for workloads that are chains of Tasks (see engines/floor). */
  readonly floor?: Measurement;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const rate = (perSecond: number) => Math.round(perSecond).toLocaleString('en-US');

/** A plain-text table: throughput and memory of both engines and their ratios. */
export function formatTable(results: readonly WorkloadResult[]): string {
  const header = [
    'workload',
    'stepwise tr/s',
    'anchor tr/s',
    'speed-up',
    'stepwise heap',
    'anchor heap',
    'heap ratio',
    'floor/anchor',
  ];
  const rows = results.map((r) => [
    r.workload,
    rate(r.stepwise.transitionsPerSecond),
    rate(r.anchor.transitionsPerSecond),
    `${(r.stepwise.transitionsPerSecond / r.anchor.transitionsPerSecond).toFixed(1)}x`,
    mib(r.stepwise.peakHeapBytes),
    mib(r.anchor.peakHeapBytes),
    (r.stepwise.peakHeapBytes / r.anchor.peakHeapBytes).toFixed(2),
    r.floor ? `${(r.floor.transitionsPerSecond / r.anchor.transitionsPerSecond).toFixed(1)}x` : '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
