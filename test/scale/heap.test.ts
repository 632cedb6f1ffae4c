// The runner keeps V8's old generation from growing to several times what it holds between full
// collections (pipeline/heap.ts, issue 12): peak memory of a long run stays near its live data.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = join(import.meta.dirname ?? process.cwd(), '..', '..');
const peakOf = async (mode: 'limit' | 'default') => {
  const { stdout } = await run('node', ['--import', 'tsx', 'test/scale/heap-growth-probe.ts', mode], { cwd: repo });
  return JSON.parse(stdout.trim().split('\n').pop()!).peakMb as number;
};

describe('limitHeapGrowth', () => {
  it('keeps the peak heap of an ingest-like allocation pattern well below V8’s own growth', async () => {
    const [limited, unlimited] = await Promise.all([peakOf('limit'), peakOf('default')]);
    // ~40 MB live: V8 alone let it reach ~115 MB here, limited ~63 MB.
    expect(limited).toBeLessThan(0.75 * unlimited);
  }, 120_000);
});
