// Child process of memory.test.ts (needs --expose-gc): ingests generated text files and prints
// the heap after a full GC at a few points of the run, as JSON on stdout.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../pipeline/runner.js';
import { generateFiles } from '../../scripts/bench-ingest.js';

const files = Number(process.argv[2] ?? 300);
const marks = new Set([Math.round(files / 3), files]);
const work = mkdtempSync(join(tmpdir(), 'arende-heap-'));
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
try {
  mkdirSync(join(work, 'in'));
  await generateFiles(join(work, 'in'), files, [['text', 1]]);
  const heap: Record<number, number> = {};
  let done = 0;
  const summary = await ingest([join(work, 'in')], {
    db: join(work, 'a.db'), jobs: 2,
    onFile: () => {
      if (!marks.has(++done)) return;
      gc();
      heap[done] = process.memoryUsage().heapUsed;
    },
  });
  process.stdout.write(JSON.stringify({ heap, new: summary.new, rejected: summary.rejected }) + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
