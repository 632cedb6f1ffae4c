// Ingest benchmark (issue 12): generates N files from the corpus (text, born-digital PDF, scanned
// PNG in a given mix, with varied titles, owners, amounts and years), ingests them into a fresh
// archive and into one already holding 100 000 documents, and prints docs/s, pages/s, peak RSS
// and the ratio of per-document time between the two archives.
//   npx tsx scripts/bench-ingest.ts --n 1000 --mix text=1,pdf=0,scan=0 [--runs 1] [--big 100000] [--jobs 2] [--no-big]
// The 100 000-document archive is built once by bulk SQL copies of a small ingested sample and
// cached under $TMPDIR/arende-bench (keyed by the migrations), then copied for every run; fresh
// and big runs alternate.
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { migrations } from '../db/migrations/index.js';
import { ingest, type IngestSummary } from '../pipeline/runner.js';
import { seededRandom } from '../pipeline/repair/damage.js';

const CORPUS = new URL('../corpus/', import.meta.url);

interface Template { name: string; text: string; title: string | null; owner: string | null }
type Kind = 'text' | 'pdf' | 'scan';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith('--') ? process.argv[i + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

/** "text=1,pdf=0.2,scan=0" → cumulative weights, normalised. */
function parseMix(spec: string): [Kind, number][] {
  const parts = spec.split(',').map((p) => p.split('=')).map(([k, v]) => [k as Kind, Number(v)] as [Kind, number]);
  for (const [k, v] of parts) if (!['text', 'pdf', 'scan'].includes(k) || !(v >= 0)) throw new Error(`bad --mix part ${k}=${v}`);
  const total = parts.reduce((s, [, v]) => s + v, 0);
  if (!total) throw new Error('--mix needs a positive weight');
  let acc = 0;
  return parts.filter(([, v]) => v > 0).map(([k, v]) => [k, (acc += v / total)]);
}


function templates(): Template[] {
  const dir = new URL('documents/', CORPUS);
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((name) => {
    const truthFile = new URL(`truth/${name.replace(/\.txt$/, '.json')}`, CORPUS);
    let title: string | null = null;
    let owner: string | null = null;
    if (existsSync(truthFile)) {
      const doc = JSON.parse(readFileSync(truthFile, 'utf8')).documents?.[0];
      title = doc?.title ?? null;
      owner = doc?.owner ?? null;
    }
    return { name: name.replace(/\.txt$/, ''), text: readFileSync(new URL(name, dir), 'utf8'), title, owner };
  });
}

function kommuner(): string[] {
  return readFileSync(new URL('lexicon/kommuner.txt', CORPUS), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith('Region'));
}

const TITLE_WORDS = ['steget', 'vidare', 'framåt', 'tillsammans', 'nya vägar', 'i arbete', 'plus', 'för unga', 'för vuxna', 'norr', 'söder', 'fas två', 'utveckling', 'bro', 'lots'];

/**
 * One varied copy of a template: the variant number v picks a title suffix, an owner kommun,
 * an amount factor and a year shift, the same for every template of that variant (so a
 * decision and its application in the corpus stay a pair).
 */
function vary(t: Template, v: number, places: string[]): string {
  const r = seededRandom(v * 7919 + 17);
  const suffix = `${TITLE_WORDS[Math.floor(r() * TITLE_WORDS.length)]} ${v}`;
  const place = places[Math.floor(r() * places.length)];
  const factor = 0.5 + r();
  const shift = Math.floor(r() * 7) - 3;
  let text = t.text;
  if (t.title && t.title.length > 3) text = text.split(t.title).join(`${t.title} ${suffix}`);
  const ownerPlace = t.owner?.match(/^(.+?)s? kommun$/)?.[1];
  if (ownerPlace) text = text.split(ownerPlace).join(place);
  text = text.replace(/\b\d{1,3}(?:[ \u00a0]\d{3})+\b/g, (m) => {
    const n = Math.round((Number(m.replace(/\D/g, '')) * factor) / 1000) * 1000;
    return n.toLocaleString('sv-SE').replace(/\u00a0/g, ' ');
  });
  text = text.replace(/\b20([12]\d)\b/g, (_, y: string) => String(2000 + Math.min(29, Math.max(10, Number(y) + shift))));
  return text;
}

/** A born-digital PDF: Helvetica 10 pt on A4, a real text layer. */
async function textPdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const [width, height, margin, size, lineHeight] = [595.28, 841.89, 56, 10, 13];
  let page = pdf.addPage([width, height]);
  let y = height - margin;
  const safe = (s: string, f: PDFFont) => [...s].map((ch) => { try { f.encodeText(ch); return ch; } catch { return '?'; } }).join('');
  for (const paragraph of text.replace(/\*\*/g, '').split('\n')) {
    if (!paragraph.trim()) { y -= lineHeight / 2; continue; }
    const words = safe(paragraph.trim(), font).split(/\s+/);
    let line = '';
    const flush = () => {
      if (y < margin) { page = pdf.addPage([width, height]); y = height - margin; }
      page.drawText(line, { x: margin, y, size, font });
      y -= lineHeight;
      line = '';
    };
    for (const w of words) {
      const next = line ? `${line} ${w}` : w;
      if (line && font.widthOfTextAtSize(next, size) > width - 2 * margin) { flush(); line = w; } else line = next;
    }
    if (line) flush();
  }
  return pdf.save({ useObjectStreams: true });
}

/** A one-page 300 dpi scan (the corpus/scan renderer) of the text's first page. */
async function scanPng(text: string, seed: number): Promise<Buffer> {
  const { layoutPages, scanPage } = await import('../corpus/scan/render.js');
  return scanPage(layoutPages(text)[0], { seed, skew: seed % 2 ? -0.5 : 0.7 });
}

/** Writes N files into `dir`; returns how many of each kind. */
export async function generateFiles(dir: string, n: number, mix: [Kind, number][], offset = 0): Promise<Record<Kind, number>> {
  const ts = templates();
  const places = kommuner();
  const counts: Record<Kind, number> = { text: 0, pdf: 0, scan: 0 };
  const pick = seededRandom(4242 + offset);
  for (let i = offset; i < offset + n; i++) {
    const t = ts[i % ts.length];
    const v = Math.floor(i / ts.length);
    const text = vary(t, v, places);
    const x = pick();
    const kind = mix.find(([, upTo]) => x <= upTo)?.[0] ?? mix[mix.length - 1][0];
    counts[kind]++;
    const base = join(dir, `${String(i).padStart(6, '0')}-${t.name}`);
    if (kind === 'text') writeFileSync(`${base}.txt`, text);
    else if (kind === 'pdf') writeFileSync(`${base}.pdf`, await textPdf(text));
    else writeFileSync(`${base}.png`, await scanPng(text, i));
  }
  return counts;
}

/** Samples RSS (main thread and worker threads share the process) until stopped. */
function rssSampler(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 25);
  return { stop: () => { clearInterval(timer); return Math.max(peak, process.memoryUsage().rss); } };
}

/**
 * One timed ingest. `mainIdle`: the share of the run in which this (the writing) thread's event
 * loop waited for work; a ratio, so steadier than docs/s on a host whose speed drifts.
 */
interface RunResult { summary: IngestSummary; seconds: number; cpuSeconds: number; peakRssMb: number; mainIdle: number }

async function timedIngest(dir: string, db: string, jobs: number): Promise<RunResult> {
  global.gc?.();
  const rss = rssSampler();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  const summary = await ingest([dir], { db, jobs });
  const mainIdle = performance.eventLoopUtilization(loop).idle / (performance.now() - started);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  // CPU time of the whole process (all threads): on a shared machine it is steadier than wall time.
  return { summary, seconds, cpuSeconds: (used.user + used.system) / 1e6, peakRssMb: rss.stop() / 2 ** 20, mainIdle };
}

/**
 * The 100 000-document archive: a sample ingested through the pipeline, then copied round after
 * round in one transaction with fresh ids and shas, title keys varied (some titles recur, as a
 * name does over the years), owners spread over the 290 kommuner and periods over twelve years,
 * so the link indexes hold realistic spreads. Triggers are dropped during the copy and restored
 * after it; document_facts rows are copied and the FTS indexes rebuilt once.
 */
async function buildBigArchive(path: string, documents: number, work: string, jobs: number): Promise<void> {
  const sampleDir = join(work, 'sample');
  mkdirSync(sampleDir, { recursive: true });
  await generateFiles(sampleDir, 400, [['text', 1]], 5_000_000);
  await ingest([sampleDir], { db: path, jobs });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const triggers = db.prepare("select name, sql from sqlite_master where type = 'trigger'").all() as { name: string; sql: string }[];
  const fts = (db.prepare("select name from sqlite_master where type = 'table' and sql like 'create virtual table%fts5%'").all() as { name: string }[]).map((r) => r.name);
  const have = (db.prepare('select count(*) as n from documents').get() as { n: number }).n;
  const shas = (db.prepare('select sha256 from files order by sha256').all() as { sha256: string }[]).map((r) => r.sha256);
  const owners = kommuner().map((k) => k.toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '') + 'kommun');
  const columns = (table: string) => (db.prepare(`pragma table_info(${table})`).all() as { name: string; pk: number; type: string }[]);
  /** insert into T (cols) select <rewritten cols> from T where <where>; integer primary keys are left to SQLite. */
  const copy = (table: string, where: string, rewrite: Record<string, string>, verb = 'insert') => {
    const cols = columns(table);
    const rowidAlias = cols.filter((c) => c.pk).length === 1 ? cols.find((c) => c.pk && c.type.toLowerCase() === 'integer')?.name : undefined;
    const names = cols.filter((c) => c.name !== rowidAlias).map((c) => c.name);
    return db.prepare(`${verb} into ${table} (${names.join(', ')}) select ${names.map((c) => rewrite[c] ?? c).join(', ')} from ${table} where ${where}`);
  };
  const docsOf = "(select id from documents where sha256 = @sha)";
  const suffixed = (c: string) => `${c} || '-' || @k`;
  const statements = [
    copy('files', 'sha256 = @sha', { sha256: suffixed('sha256'), path: suffixed('path') }),
    copy('file_paths', 'sha256 = @sha', { sha256: suffixed('sha256'), path: suffixed('path') }),
    copy('pages', 'sha256 = @sha', { sha256: suffixed('sha256') }),
    copy('documents', 'sha256 = @sha', {
      id: suffixed('id'), sha256: suffixed('sha256'), title_key: "title_key || @title", owner_key: 'case when owner_key is null then null else @owner end',
      period_start: "case when period_start is null then null else printf('%04d', 2012 + (@k % 12)) || substr(period_start, 5) end",
      period_end: "case when period_end is null then null else printf('%04d', 2013 + (@k % 12)) || substr(period_end, 5) end",
    }),
    copy('document_facts', `document_id in ${docsOf}`, { document_id: suffixed('document_id') }),
    copy('field_values', `document_id in ${docsOf}`, { document_id: suffixed('document_id') }),
    copy('messages', `sha256 = @sha`, { sha256: suffixed('sha256'), document_id: suffixed('document_id') }),
    copy('cases', `decision_id in ${docsOf} or application_id in ${docsOf}`, { id: suffixed('id'), decision_id: suffixed('decision_id'), application_id: suffixed('application_id') }, 'insert or ignore'),
    copy('flags', `document_id in ${docsOf}`, { document_id: suffixed('document_id'), other_document_id: suffixed('other_document_id') }, 'insert or ignore'),
  ];
  const perFile = db.prepare('select count(*) as n from documents where sha256 = ?');
  const docsIn = new Map(shas.map((sha) => [sha, (perFile.get(sha) as { n: number }).n]));
  db.transaction(() => {
    for (const t of triggers) db.exec(`drop trigger ${t.name}`);
    let made = have;
    for (let k = 1; made < documents; k++) {
      const r = seededRandom(k);
      for (const sha of shas) {
        if (made >= documents) break;
        const params = { k, sha, title: `v${Math.floor(r() * 20000)}`, owner: owners[Math.floor(r() * owners.length)] };
        for (const s of statements) s.run(params);
        made += docsIn.get(sha) ?? 0;
      }
    }
    for (const t of triggers) db.exec(t.sql);
  })();
  for (const t of fts) db.exec(`insert into ${t}(${t}) values ('rebuild')`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Pages/s and CPU per page of one native run (the CPU of the waited-for tesseract processes). */
interface NativeRun { pagesPerSecond: number; cpuMsPerPage: number | null }

/**
 * The native tesseract CLI (OMP_THREAD_LIMIT=1) over the scans with as many processes as ingest
 * has jobs: the reference for the OCR path; null when tesseract is not installed.
 */
async function nativeOcrRun(dir: string, jobs: number): Promise<NativeRun | null> {
  const run = promisify(execFile);
  try {
    await run('tesseract', ['--version']);
  } catch {
    console.log('native tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-swe): no OCR reference');
    return null;
  }
  const scans = readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => join(dir, f));
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const cpu0 = childrenCpuMs();
  const started = performance.now();
  const queue = [...scans];
  await Promise.all(Array.from({ length: jobs }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await run('tesseract', [next, 'stdout', '-l', 'swe', '--psm', '3'], { env, maxBuffer: 1 << 24 });
  }));
  const cpu1 = childrenCpuMs();
  return {
    pagesPerSecond: scans.length / ((performance.now() - started) / 1000),
    cpuMsPerPage: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / scans.length,
  };
}

/** User + system CPU of this process's waited-for children (Linux /proc), in ms; null elsewhere. */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat(5) (cutime, cstime), in clock ticks of 10 ms.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

/**
 * The OCR path's ratio. Native runs come before every ingest run and after the last, and each
 * ingest run is compared with the mean of the native runs on either side of it: this host changes
 * speed by tens of per cent within minutes (one bench measured 0.95 and 0.75 native pages/s before
 * and after), so only neighbours in time compare. Only for a scan-only mix is the ratio the OCR
 * path's own (text and PDF files add their pages to ingest's).
 */
function reportOcr(native: NativeRun[], runs: RunResult[], counts: Record<Kind, number>): void {
  if (native.length < runs.length + 1) return;
  const scanOnly = counts.text === 0 && counts.pdf === 0;
  const pagesPerSecond = (r: RunResult) => r.summary.pages / r.seconds;
  const ratios = runs.map((r, i) => (native[i].pagesPerSecond + native[i + 1].pagesPerSecond) / 2 / pagesPerSecond(r));
  console.log(`OCR: native tesseract, same parallelism, around each run: ${native.map((x) => fmt(x.pagesPerSecond, 3)).join(' / ')} pages/s; arende ingest: ${runs.map((r) => fmt(pagesPerSecond(r), 3)).join(' / ')} pages/s`);
  const cpu = native.map((x) => x.cpuMsPerPage);
  if (cpu.every((x): x is number => x !== null)) {
    const arendeCpu = median(runs.map((r) => (r.cpuSeconds * 1000) / r.summary.pages));
    console.log(`OCR CPU per page (medians): native ${fmt(median(cpu), 0)} ms, arende ${fmt(arendeCpu, 0)} ms (whole process: startup, model load, image preparation, review image, storing): ${fmt(arendeCpu / median(cpu), 2)}×`);
  }
  console.log(`OCR: native/arende per run ${ratios.map((x) => fmt(x, 2)).join(' / ')}; median ${fmt(median(ratios), 2)}×${scanOnly ? ' (target <= 1.3)' : ' (mixed run: use --mix scan=1 for the OCR path alone)'}`);
}

function fmt(x: number, digits = 1): string {
  return x.toFixed(digits);
}

function report(label: string, r: RunResult): string {
  const s = r.summary;
  return `${label.padEnd(18)} ${String(s.files).padStart(6)} files ${String(s.documents).padStart(6)} docs ${String(s.pages).padStart(6)} pages in ${fmt(r.seconds, 2).padStart(7)} s | ${fmt(s.documents / r.seconds).padStart(7)} docs/s ${fmt(s.pages / r.seconds).padStart(7)} pages/s | CPU ${fmt((r.cpuSeconds * 1000) / s.documents, 1)} ms/doc | peak RSS ${fmt(r.peakRssMb, 0)} MB | main thread idle ${fmt(r.mainIdle * 100, 0)}% | ${s.rejected} rejected`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function main(): Promise<void> {
  const n = Number(arg('n', '1000'));
  const mix = parseMix(arg('mix', 'text=1,pdf=0,scan=0'));
  const runs = Number(arg('runs', '1'));
  const bigDocs = Number(arg('big', '100000'));
  const jobs = Number(arg('jobs', String(availableParallelism())));
  const work = mkdtempSync(join(tmpdir(), 'arende-bench-'));
  const filesDir = join(work, 'files');
  mkdirSync(filesDir);
  try {
    let t = performance.now();
    const counts = await generateFiles(filesDir, n, mix);
    console.log(`generated ${n} files (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}) in ${fmt((performance.now() - t) / 1000, 1)} s; jobs ${jobs}`);
    const native: NativeRun[] = [];
    const measureNative = async () => {
      const run = counts.scan > 0 ? await nativeOcrRun(filesDir, jobs) : null;
      if (run !== null) native.push(run);
    };
    const withBig = !flag('no-big');
    let cached = '';
    if (withBig && runs > 0) {
      const cacheDir = join(tmpdir(), 'arende-bench');
      mkdirSync(cacheDir, { recursive: true });
      // Keyed by the migrations (their names, hashed: listed out they outgrew a file name).
      const schema = createHash('sha256').update(Object.keys(migrations).join('+')).digest('hex').slice(0, 12);
      cached = join(cacheDir, `big-${bigDocs}-${schema}.db`);
      if (!existsSync(cached)) {
        t = performance.now();
        for (const ext of ['', '-wal', '-shm']) rmSync(`${cached}.tmp${ext}`, { force: true });
        await buildBigArchive(cached + '.tmp', bigDocs, work, jobs);
        copyFileSync(cached + '.tmp', cached);
        rmSync(cached + '.tmp', { force: true });
        console.log(`built the ${bigDocs}-document archive in ${fmt((performance.now() - t) / 1000, 0)} s (${basename(cached)})`);
      }
    }
    const fresh: RunResult[] = [];
    const big: RunResult[] = [];
    const freshRun = async (i: number) => {
      await measureNative();
      const db = join(work, `fresh-${i}.db`);
      const r = await timedIngest(filesDir, db, jobs);
      console.log(report(`fresh #${i + 1}`, r));
      fresh.push(r);
      for (const ext of ['', '-wal', '-shm']) rmSync(db + ext, { force: true });
    };
    const bigRun = async (i: number) => {
      const db = join(work, `big-${i}.db`);
      copyFileSync(cached, db);
      // The copy's gigabytes are written back before the clock starts, not during the run.
      const fd = openSync(db, 'r+');
      fsyncSync(fd);
      closeSync(fd);
      const r = await timedIngest(filesDir, db, jobs);
      console.log(report(`big #${i + 1}`, r));
      big.push(r);
      for (const ext of ['', '-wal', '-shm']) rmSync(db + ext, { force: true });
    };
    // Fresh and big runs alternate (fresh–big, big–fresh, …): this host changes speed by tens of
    // per cent within minutes, and all of one kind after all of the other measured the drift.
    for (let i = 0; i < runs; i++) {
      if (!withBig) await freshRun(i);
      else if (i % 2 === 0) { await freshRun(i); await bigRun(i); }
      else { await bigRun(i); await freshRun(i); }
    }
    if (!fresh.length) return;
    if (native.length) {
      await measureNative();
      reportOcr(native, fresh, counts);
    }
    if (!withBig) return;
    const perDoc = (r: RunResult, of: 'seconds' | 'cpuSeconds') => r[of] / r.summary.documents;
    const ratioOfMedians = (of: 'seconds' | 'cpuSeconds') => median(big.map((r) => perDoc(r, of))) / median(fresh.map((r) => perDoc(r, of)));
    // Run i of each kind ran back to back, so the host's drift (tens of per cent within minutes
    // here) mostly cancels in their ratio: the median of those pairs is the steadier figure.
    const pairs = (of: 'seconds' | 'cpuSeconds') => big.map((r, i) => perDoc(r, of) / perDoc(fresh[i], of));
    const wallPairs = pairs('seconds');
    console.log(`per-document time, ${bigDocs}-document archive / fresh: wall ${fmt(median(wallPairs), 2)}×, CPU ${fmt(median(pairs('cpuSeconds')), 2)}× `
      + `(medians of ${runs} back-to-back pairs; wall per pair ${wallPairs.map((x) => fmt(x, 2)).join(' ')}; ratio of the medians: wall ${fmt(ratioOfMedians('seconds'), 2)}×, CPU ${fmt(ratioOfMedians('cpuSeconds'), 2)}×)`);
  } finally {
    if (!flag('keep')) rmSync(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
