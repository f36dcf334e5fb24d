/** A measured figure: time per operation in milliseconds over many runs. */
export interface BenchRow {
  name: string;
  runs: number;
  median: number;
  p95: number;
  /** The same work on raw better-sqlite3, where a comparison applies. */
  rawMedian?: number;
  /** What the issue asks for, as text (e.g. "p95 < 30 ms"). */
  target?: string;
  /** Whether the target is met; undefined when the row has no target. */
  met?: boolean;
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/** Runs `operation` `warmup` times unmeasured, then `runs` times measured; returns sorted durations in ms. */
export async function sample(operation: () => unknown, runs: number, warmup = Math.min(20, runs)): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await operation();
  const durations: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await operation();
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

/**
 * Samples two operations alternately (a, b, a, b…), so both see the same machine load over the same moments;
 * for dispatch-versus-raw ratios, two separate runs on a shared 2-core machine drift apart by more than the
 * difference being measured. Returns both sorted duration lists.
 */
export async function sampleInterleaved(
  first: () => unknown,
  second: () => unknown,
  runs: number,
  warmup = Math.min(20, runs),
): Promise<[number[], number[]]> {
  for (let i = 0; i < warmup; i += 1) {
    await first();
    await second();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    let started = performance.now();
    await first();
    a.push(performance.now() - started);
    started = performance.now();
    await second();
    b.push(performance.now() - started);
  }
  return [a.sort((x, y) => x - y), b.sort((x, y) => x - y)];
}

export function summarize(name: string, durations: number[], extra: Partial<BenchRow> = {}): BenchRow {
  return { name, runs: durations.length, median: percentile(durations, 0.5), p95: percentile(durations, 0.95), ...extra };
}

export function formatTable(rows: BenchRow[]): string {
  const header = ['figure', 'runs', 'median ms', 'p95 ms', 'raw median ms', 'ratio', 'target', 'met'];
  const ms = (value: number | undefined) => (value === undefined ? '' : value < 10 ? value.toFixed(3) : value.toFixed(1));
  const lines = rows.map((row) => [
    row.name,
    String(row.runs),
    ms(row.median),
    ms(row.p95),
    ms(row.rawMedian),
    row.rawMedian ? `${(row.median / row.rawMedian).toFixed(2)}×` : '',
    row.target ?? '',
    row.met === undefined ? '' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(displayWidth(title), ...lines.map((line) => displayWidth(line[column]))));
  const format = (cells: string[]) => cells.map((cell, column) => cell + ' '.repeat(widths[column] - displayWidth(cell))).join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}

/** Terminal columns: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1;
  return width;
}
