import { openArchive } from '../../db/archive.js';
import { search, type SearchHit } from '../../db/queries/search.js';

export interface SearchCommandOptions { db: string; kind?: string; year?: number; municipality?: string; limit?: number; json?: boolean }

function formatHit(h: SearchHit, i: number): string {
  const where = `${h.file} p.${h.page}`;
  const what = [h.kind, h.year, h.match === 'compound' ? 'in a compound' : null].filter(Boolean).join(', ');
  return `${String(i + 1).padStart(3)}. ${h.title ?? '(no title)'}  [${what}]\n     ${where}  ${h.id}\n     ${h.snippet}\n`;
}

export async function searchCommand(query: string, opts: SearchCommandOptions): Promise<number> {
  const db = await openArchive(opts.db, { readonly: true });
  try {
    const hits = await search(db, query, { kind: opts.kind, year: opts.year, municipality: opts.municipality, limit: opts.limit });
    if (opts.json) process.stdout.write(JSON.stringify(hits, null, 2) + '\n');
    else process.stdout.write(hits.length ? hits.map(formatHit).join('\n') : `no documents match "${query}"\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}
