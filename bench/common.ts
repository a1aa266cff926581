// Shared timing helpers: medians over repeated runs, printed as ratios against a baseline from the same run.
export function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function timeIt(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

export function printRatio(name: string, ms: number, baselineName: string, baselineMs: number) {
  console.log(`${name.padEnd(44)} ${ms.toFixed(2).padStart(9)} ms   ${(ms / baselineMs).toFixed(2).padStart(6)}× ${baselineName} (${baselineMs.toFixed(2)} ms)`);
}
