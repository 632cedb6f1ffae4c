// Child process of heap.test.ts: allocates like an ingest run (a long-lived base, a window of
// files in flight that outlive young collections, much short-lived garbage) and prints the peak
// heap, with or without limitHeapGrowth.
import { limitHeapGrowth } from '../../pipeline/heap.js';

if (process.argv[2] === 'limit') limitHeapGrowth();
const base = Array.from({ length: 30_000 }, (_, i) => ({ i, text: `base ${i} `.repeat(40) }));
const window: object[] = [];
let peak = 0;
let sink = 0;
for (let file = 0; file < 40_000; file++) {
  // A file in flight: ~20 kB of objects held while the next 300 arrive.
  window.push(Array.from({ length: 100 }, (_, j) => ({ file, j, text: `${file}:${j} `.repeat(20) })));
  if (window.length > 300) window.shift();
  // Its short-lived garbage.
  for (let k = 0; k < 50; k++) sink += JSON.stringify({ k, file, v: 'x'.repeat(100) }).length;
  if (file % 100 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
}
console.log(JSON.stringify({ peakMb: Math.round(peak / 2 ** 20), base: base.length, sink: sink > 0 }));
