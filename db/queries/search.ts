import { sql, type RawBuilder } from 'kysely';
import { ArendeError } from '../../pipeline/errors.js';
import type { Archive } from '../archive.js';

// Full-text search over the documents' repaired text (indexes and triggers: db/migrations/002_search.ts).
// Words match as prefixes in the unicode61 index, ranked by bm25 ("insats" finds "insatsen",
// "forsakringskassan" finds "Försäkringskassan"). When that leaves room under the limit, the
// trigram index adds documents where the words occur inside longer words — Swedish compounds:
// "samverkan" finds "flerpartssamverkan". Those come after the ranked hits, newest first.

export interface SearchOptions {
  kind?: string;
  /** Year of the period's start, else of the earliest signature. */
  year?: number;
  /** One of the document's kommuner (case and diacritics ignored). */
  municipality?: string;
  limit?: number;
}

export interface SearchHit {
  id: string;
  file: string;
  kind: string;
  title: string | null;
  year: number | null;
  /** 1-based page in the source file of the first match, and the match's offsets in that page's text. */
  page: number;
  span: [number, number];
  /** Text around the first match, the match between « and ». */
  snippet: string;
  /** bm25 (lower is better) for word matches; null for compound (substring) matches. */
  score: number | null;
  match: 'word' | 'compound';
}

interface Term { text: string; phrase: boolean; prefix: boolean }

const PAGE_BREAK = '\n\f\n';
/** Matches ranked by bm25 at most; beyond it the newest matching documents are ranked. */
export const RANK_WINDOW = 5000;
const OPEN = '\u0002';
const CLOSE = '\u0003';

/** Folds case and diacritics the way the indexes do, for the query's own words. */
export function foldSearchText(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Words and "quoted phrases" of a query; punctuation is dropped, a trailing * is kept as "prefix". */
export function parseQuery(query: string): Term[] {
  const terms: Term[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(query); m; m = re.exec(query)) {
    if (m[1] !== undefined) {
      const words = foldSearchText(m[1]).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (words.length) terms.push({ text: words.join(' '), phrase: true, prefix: false });
      continue;
    }
    const prefix = m[2].endsWith('*');
    for (const word of foldSearchText(m[2]).split(/[^\p{L}\p{N}]+/u).filter(Boolean)) terms.push({ text: word, phrase: false, prefix });
  }
  return terms;
}

/** unicode61 query: every word as a prefix (Swedish inflects by suffix), phrases exact. */
function wordQuery(terms: Term[]): string {
  return terms.map((t) => (t.phrase ? `"${t.text}"` : `"${t.text}"*`)).join(' AND ');
}

/** trigram query: every term as a substring; null when a term is too short for trigrams. */
function compoundQuery(terms: Term[]): string | null {
  if (terms.some((t) => [...t.text].length < 3)) return null;
  return terms.map((t) => `"${t.text}"`).join(' AND ');
}

/** Conditions on the facts row f: current, and the kind and year asked for. */
function factsFilters(options: SearchOptions): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [sql`f.current = 1`];
  if (options.kind) out.push(sql`f.kind = ${options.kind}`);
  if (options.year !== undefined) out.push(sql`f.year = ${options.year}`);
  return out;
}

/** The kommun asked for, folded as document_kommuner (009_analyst_tables.ts) holds it. */
function kommunKey(options: SearchOptions): string | undefined {
  return options.municipality ? foldSearchText(options.municipality.trim()) : undefined;
}

/** Every condition on f, for a query that walks the index and joins document_facts f. */
function filters(options: SearchOptions): RawBuilder<unknown> {
  const kommun = kommunKey(options);
  const out = factsFilters(options);
  if (kommun !== undefined) out.push(sql`exists (select 1 from document_kommuner k where k.kommun = ${kommun} and k.document_rowid = f.rowid)`);
  return sql.join(out, sql` and `);
}

/** The rowids of the documents the filters admit, found from the filter's side (kommun, year index). */
function admitted(options: SearchOptions): RawBuilder<unknown> {
  const kommun = kommunKey(options);
  const where = sql.join(factsFilters(options), sql` and `);
  return kommun === undefined
    ? sql`select f.rowid from document_facts f where ${where}`
    // CROSS JOIN: from the kommun's rows; unanalysed, SQLite would rather scan facts by current.
    : sql`select f.rowid from document_kommuner k cross join document_facts f on f.rowid = k.document_rowid where k.kommun = ${kommun} and ${where}`;
}

interface Candidate { rowid: number; document_id: string; score: number | null; match: 'word' | 'compound' }

/**
 * How to restrict an index walk to the filtered documents. A filter admitting fewer than
 * RANK_WINDOW documents is read first, and the walk tests each match against that set — the
 * window below cannot fill, and a set lookup is cheaper than a facts row per match. Otherwise
 * the walk joins each match's facts row and tests the filters there.
 */
async function restriction(db: Archive, options: SearchOptions): Promise<{ rowids?: RawBuilder<unknown>; empty: boolean }> {
  if (!options.kind && options.year === undefined && kommunKey(options) === undefined) return { empty: false };
  const rowids = admitted(options);
  const { rows } = await sql<{ n: number }>`select count(*) as n from (${rowids} limit ${sql.lit(RANK_WINDOW)})`.execute(db).catch((cause: Error) => {
    // A read-only open runs no migrations: an archive no writer has opened since 009 lacks document_kommuner.
    throw /no such table/.test(cause.message) ? new ArendeError('the archive predates migration 009_analyst_tables: open it once with a writing command (ingest) to add it', undefined, undefined, { cause }) : cause;
  });
  const n = rows[0]?.n ?? 0;
  return n < RANK_WINDOW ? { rowids, empty: n === 0 } : { empty: false };
}

export async function search(db: Archive, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const terms = parseQuery(query);
  if (!terms.length) throw new ArendeError(`nothing to search for in "${query}"`);
  const limit = options.limit ?? 20;
  const { rowids, empty } = await restriction(db, options);
  if (empty) return [];
  // "+rowid in (…)": the set is a test on each match; as a constraint SQLite would run the MATCH
  // once per admitted rowid, and each run re-expands the prefix terms over the whole index.
  const only = (table: 'documents_fts' | 'documents_trigram') =>
    (rowids ? sql`+${sql.ref(`${table}.rowid`)} in (${rowids})` : filters(options));

  const words = wordQuery(terms);
  // FTS first (CROSS JOIN keeps SQLite from probing the index once per facts row). bm25 costs
  // about a microsecond per match, so a query matching most of a large archive ranks only the
  // RANK_WINDOW newest matching documents: find where that window starts without ranking.
  const window = rowids ? undefined : await sql<{ rowid: number }>`
    select documents_fts.rowid as rowid
    from documents_fts cross join document_facts f on f.rowid = documents_fts.rowid
    where documents_fts match ${words} and ${only('documents_fts')}
    order by documents_fts.rowid desc limit 1 offset ${sql.lit(RANK_WINDOW - 1)}`.execute(db);
  const from = window?.rows[0]?.rowid;
  const ranked = await sql<{ rowid: number; document_id: string; score: number }>`
    select f.rowid, f.document_id, bm25(documents_fts) as score
    from documents_fts cross join document_facts f on f.rowid = documents_fts.rowid
    where documents_fts match ${words} and ${only('documents_fts')}
      ${from === undefined ? sql`` : sql`and documents_fts.rowid >= ${sql.lit(Math.trunc(from))}`}
    order by score limit ${limit}`.execute(db);
  const candidates: Candidate[] = ranked.rows.map((r) => ({ ...r, match: 'word' }));

  const trigram = compoundQuery(terms);
  if (candidates.length < limit && trigram) {
    const seen = candidates.map((c) => c.rowid);
    const extra = await sql<{ rowid: number; document_id: string }>`
      select f.rowid, f.document_id
      from documents_trigram cross join document_facts f on f.rowid = documents_trigram.rowid
      where documents_trigram match ${trigram} and ${only('documents_trigram')}
        ${seen.length ? sql`and f.rowid not in (${sql.join(seen.map((r) => sql.lit(Math.trunc(r))))})` : sql``}
      order by documents_trigram.rowid desc limit ${sql.lit(limit - candidates.length)}`.execute(db);
    candidates.push(...extra.rows.map((r) => ({ ...r, score: null, match: 'compound' as const })));
  }
  if (!candidates.length) return [];

  const docs = new Map((await sql<{ id: string; kind: string; text: string; first_page: number; start_offset: number; path: string; title: string | null; year: number | null }>`
    select d.id, d.kind, d.first_page, d.start_offset, d.text, fl.path, f.title, f.year
    from documents d join files fl on fl.sha256 = d.sha256 join document_facts f on f.document_id = d.id
    where d.id in (${sql.join(candidates.map((c) => c.document_id))})`.execute(db)).rows.map((d) => [d.id, d]));

  const hits: SearchHit[] = [];
  for (const c of candidates) {
    const doc = docs.get(c.document_id);
    if (!doc) continue;
    const marked = markFirstMatch(doc.text, terms, c.match);
    hits.push({
      id: doc.id, file: doc.path, kind: doc.kind, title: doc.title, year: doc.year, score: c.score, match: c.match,
      ...locateMatch(marked, doc.first_page, doc.start_offset),
    });
  }
  return hits;
}

/** Folded forms of the non-ASCII characters met so far: normalize() per character dominated marking. */
const FOLDED = new Map<string, string>();

/** Case and diacritics folded one UTF-16 unit at a time, so offsets in the result are offsets in `text`. */
function foldInPlace(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
      continue;
    }
    let folded = FOLDED.get(ch);
    if (folded === undefined) {
      const f = ch.normalize('NFKD')[0].toLowerCase();
      folded = f.length === ch.length ? f : ch.length === 2 ? f.padEnd(2, ' ') : f[0];
      FOLDED.set(ch, folded);
    }
    out += folded;
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The document's text with its first match marked, found in JS: asking FTS5 for highlight()
 * re-expands a prefix query over the whole index once per hit (≈ 4 ms each on 100 000 documents).
 * Word hits match at a word start and run to the word's end; compound hits match anywhere.
 */
export function markFirstMatch(text: string, terms: Term[], match: 'word' | 'compound'): string {
  const folded = foldInPlace(text);
  const patterns = terms.map((t) => t.text.split(' ').map(escapeRegExp).join('[^\\p{L}\\p{N}]+'));
  const re = match === 'word'
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.join('|')})[\\p{L}\\p{N}]*`, 'u')
    : new RegExp(patterns.join('|'), 'u');
  const m = re.exec(folded);
  if (!m) return text;
  return text.slice(0, m.index) + OPEN + text.slice(m.index, m.index + m[0].length) + CLOSE + text.slice(m.index + m[0].length);
}

/**
 * Page, in-page span and snippet of the first highlighted match in a document's text (pages
 * joined by "\n\f\n", the first starting at `startOffset` of page `firstPage`).
 */
export function locateMatch(marked: string, firstPage: number, startOffset: number, context = 70): Pick<SearchHit, 'page' | 'span' | 'snippet'> {
  const at = marked.indexOf(OPEN);
  const before = at < 0 ? '' : marked.slice(0, at).replace(/[\u0002\u0003]/g, '');
  const close = at < 0 ? -1 : marked.indexOf(CLOSE, at);
  const length = close < 0 ? 0 : close - at - 1;
  const breaks = before.split(PAGE_BREAK).length - 1;
  const lastBreak = before.lastIndexOf(PAGE_BREAK);
  const inPage = breaks === 0 ? startOffset + before.length : before.length - lastBreak - PAGE_BREAK.length;

  const plainAfter = at < 0 ? marked : marked.slice(close + 1).replace(/[\u0002\u0003]/g, '');
  const head = before.length > context ? '…' + before.slice(before.length - context).replace(/^\S*\s/, '') : before;
  const match = at < 0 ? '' : marked.slice(at + 1, close);
  const tail = plainAfter.length > context * 1.5 ? plainAfter.slice(0, context * 1.5).replace(/\s\S*$/, '') + '…' : plainAfter;
  const snippet = (at < 0 ? tail : `${head}«${match}»${tail}`).replace(/\s+/g, ' ').trim();
  return { page: firstPage + breaks, span: [inPage, inPage + length], snippet };
}
