import { writeFile } from 'node:fs/promises';
import { ArchiveLockedError } from '../../pipeline/errors.js';
import { ingest, type FileResult, type IngestSummary } from '../../pipeline/runner.js';

export interface IngestCommandOptions {
  db: string; jobs?: number; maxBytes?: number; maxPages?: number; timeout?: number; badLayer?: 'reocr' | 'repair';
  jsonSummary?: string; force?: boolean; quiet?: boolean; commitEvery?: number;
}

function formatSummary(s: IngestSummary): string {
  const lines = [
    `arende ingest: ${s.files} files in ${s.seconds} s — ${s.new} new, ${s.unchanged} unchanged, ${s.rejected} rejected; ${s.documents} documents, ${s.pages} pages, ${s.flagged} flags${s.stopped ? ' (stopped early)' : ''}`,
  ];
  for (const r of s.rejections) lines.push(`  rejected ${r.file}: ${r.reason}`);
  return lines.join('\n') + '\n';
}

/** Progress: a bar on a terminal, one plain line per file otherwise (cron logs). */
async function progressReporter(quiet: boolean): Promise<{ onFile: (r: FileResult) => void; stop: () => void }> {
  if (quiet) return { onFile: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY) {
    const { SingleBar, Presets } = (await import('cli-progress')).default;
    const bar = new SingleBar({ format: 'ingest {bar} {value} files | {last}', stream: process.stderr, clearOnComplete: true }, Presets.shades_classic);
    bar.start(0, 0, { last: '' });
    let n = 0;
    return {
      onFile: (r) => { n++; bar.setTotal(n); bar.update(n, { last: `${r.outcome} ${r.path}` }); },
      stop: () => bar.stop(),
    };
  }
  return {
    onFile: (r) => process.stderr.write(`${r.outcome}\t${r.path}\t${r.documents} docs\t${r.ms} ms${r.reason ? `\t${r.reason}` : ''}\n`),
    stop: () => undefined,
  };
}

export async function ingestCommand(paths: string[], opts: IngestCommandOptions): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => {
    process.stderr.write('arende: stopping after the files in flight…\n');
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = await progressReporter(Boolean(opts.quiet));
  try {
    const summary = await ingest(paths, {
      db: opts.db, jobs: opts.jobs, maxBytes: opts.maxBytes, maxPages: opts.maxPages, badLayer: opts.badLayer,
      fileTimeoutMs: opts.timeout ? opts.timeout * 1000 : undefined, force: opts.force, commitEvery: opts.commitEvery, stop: stop.signal, onFile: progress.onFile,
    });
    progress.stop();
    process.stdout.write(formatSummary(summary));
    if (opts.jsonSummary) await writeFile(opts.jsonSummary, JSON.stringify(summary, null, 2) + '\n');
    if (summary.stopped) return 130;
    return summary.rejected > 0 ? 3 : 0;
  } catch (e) {
    progress.stop();
    const message = e instanceof ArchiveLockedError ? e.message : `ingest failed: ${(e as Error).message}`;
    process.stderr.write(`arende: ${message}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
