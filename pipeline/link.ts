import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { distance } from 'fastest-levenshtein';
import type { Archive } from '../db/archive.js';
import { valueOf, type EffectiveFields } from '../db/queries/fields.js';
import { jsonIdList } from '../db/queries/id-list.js';
import { preparedQuery } from '../db/prepared-query.js';
import type { FieldName } from '../extractors/fields.js';
import { linkKeysOf, matchKey, type LinkKeys } from '../db/queries/keys.js';
import type { ArchiveSchema } from '../db/schema.js';
import { checkDocument, compareCase, type DocumentFacts } from './flags.js';
import type { DocumentPart } from './source-file.js';

type Db = Archive | Transaction<ArchiveSchema>;

const LINKABLE = ['decision', 'application'];

/** The fields linking and flags compare (DocumentFacts): the others (goals, signatories…) are not read. */
const LINK_FIELDS = ['title', 'owner', 'partners', 'period', 'amount_sek', 'applied', 'staffing', 'participants_per_year', 'budget', 'intake_end'] as const satisfies readonly FieldName[];
const isLinkField = (field: string) => (LINK_FIELDS as readonly string[]).includes(field);

function facts(id: string, kind: string, f: EffectiveFields): DocumentFacts {
  return {
    id, kind,
    title: valueOf(f, 'title'), owner: valueOf(f, 'owner'), partners: valueOf(f, 'partners') ?? [],
    period: valueOf(f, 'period'), amount_sek: valueOf(f, 'amount_sek'), applied: valueOf(f, 'applied'),
    staffing: valueOf(f, 'staffing') ?? [], participants_per_year: valueOf(f, 'participants_per_year'),
    budget: valueOf(f, 'budget'), intake_end: valueOf(f, 'intake_end'),
  };
}

/** 0..1 similarity of two titles after folding (1 = equal beyond case, punctuation, spacing, diacritics). */
export function titleSimilarity(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  return keySimilarity(matchKey(a), matchKey(b));
}

/** titleSimilarity on already folded keys (documents.title_key). */
export function keySimilarity(x: string | null, y: string | null): number {
  if (!x || !y) return 0;
  return 1 - distance(x, y) / Math.max(x.length, y.length);
}

/**
 * keySimilarity(x, y) where it may reach `min`, and 0 where the lengths alone rule that out (the
 * edit distance is at least the difference in length), without computing the distance: most rows
 * of a popular owner or period in a large archive end here.
 */
export function similarityReaching(x: string | null, y: string | null, min: number): number {
  if (x && y && 1 - Math.abs(x.length - y.length) / Math.max(x.length, y.length) < min) return 0;
  return keySimilarity(x, y);
}

/** Below this title similarity linkScore never links, whatever supports it. */
export const MIN_LINK_TITLE = 0.5;

/** From this title similarity one support (owner, partners or period) is enough to link. */
export const STRONG_LINK_TITLE = 0.85;

function overlaps(a: DocumentFacts['period'], b: DocumentFacts['period']): boolean {
  if (!a?.start || !a.end || !b?.start || !b.end) return false;
  return a.start <= b.end && b.start <= a.end;
}

const STOPWORDS = new Set(['och', 'for', 'till', 'med', 'det', 'den', 'mot', 'inom', 'kommun', 'kommuner', 'insatsen', 'projekt']);

function words(text: string): string[] {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** The words of a title that say what the insats is: no stop words, no kommun named in the owner. */
function contentWords(title: string | null, owner: string | null): Set<string> {
  const place = new Set(owner ? words(owner).map((w) => w.replace(/s$/, '')) : []);
  return new Set((title ? words(title) : []).filter((w) => w.length > 2 && !STOPWORDS.has(w) && !place.has(w.replace(/s$/, ''))));
}

export interface LinkScore { score: number; title: number; supports: string[] }

/**
 * How sure we are that a decision and an application are one insats. The title carries it;
 * owner, partners and period overlap support it. A weak title match alone never links.
 */
export function linkScore(a: DocumentFacts, b: DocumentFacts): LinkScore {
  const title = titleSimilarity(a.title, b.title);
  const supports: string[] = [];
  if (a.owner && b.owner && matchKey(a.owner) === matchKey(b.owner)) supports.push('owner');
  const pa = new Set(a.partners.map(matchKey));
  if (b.partners.some((p) => pa.has(matchKey(p)))) supports.push('partners');
  if (overlaps(a.period, b.period)) supports.push('period');
  // One förbund funds many insatser per kommun: a title that differs needs every support.
  // ... and at least one word of what the insats is, beyond the kommun's name.
  const own = contentWords(a.title, a.owner ?? b.owner);
  const shared = [...contentWords(b.title, b.owner ?? a.owner)].some((w) => own.has(w));
  const linked = title === 1 || (title >= STRONG_LINK_TITLE && supports.length >= 1) || (title >= MIN_LINK_TITLE && shared && supports.length === 3);
  return { score: linked ? title * 0.7 + supports.length * 0.1 : 0, title, supports };
}

function caseId(decision: string | null, application: string | null): string {
  return 'case-' + createHash('sha256').update(`${decision ?? ''}|${application ?? ''}`).digest('hex').slice(0, 12);
}

/**
 * link's fixed-shape statements, compiled once (db/prepared-query.ts): a relink runs about twenty
 * per document. Id lists are one JSON array parameter (db/queries/id-list.ts).
 */
const statements = {
  values: preparedQuery((db, ids: string) => db.selectFrom('field_values').select(['document_id', 'field', 'value_json'])
    .where('document_id', 'in', jsonIdList(ids)).where('field', 'in', LINK_FIELDS)),
  corrections: preparedQuery((db, ids: string) => db.selectFrom('corrections').select(['document_id', 'field', 'value_json'])
    .where('document_id', 'in', jsonIdList(ids)).where('field', 'in', LINK_FIELDS).orderBy('id')),
  kinds: preparedQuery((db, ids: string) => db.selectFrom('documents').select(['id', 'kind', 'title_key', 'owner_key', 'period_start', 'period_end']).where('id', 'in', jsonIdList(ids))),
  current: preparedQuery((db, ids: string) => db.selectFrom('documents as d').crossJoin('files as f').select('d.id')
    .whereRef('f.sha256', '=', 'd.sha256').where('d.id', 'in', jsonIdList(ids)).where('f.superseded_by', 'is', null)),
  caseOf: preparedQuery((db, id: string) => db.selectFrom('cases').selectAll().where((eb) => eb.or([eb('decision_id', '=', id), eb('application_id', '=', id)]))),
  casesOf: preparedQuery((db, ids: string) => db.selectFrom('cases').selectAll().where((eb) => eb.or([eb('decision_id', 'in', jsonIdList(ids)), eb('application_id', 'in', jsonIdList(ids))]))),
  insertCase: preparedQuery((db, id: string, title: string, decision: string | null, application: string | null, score: number | null) =>
    db.insertInto('cases').values({ id, title, decision_id: decision, application_id: application, score })),
  deleteCase: preparedQuery((db, id: string) => db.deleteFrom('cases').where('id', '=', id)),
  setKeys: preparedQuery((db, id: string, titleKey: string | null, ownerKey: string | null, start: string | null, end: string | null) =>
    db.updateTable('documents').set({ title_key: titleKey, owner_key: ownerKey, period_start: start, period_end: end }).where('id', '=', id)),
  clearMessages: preparedQuery((db, ids: string) => db.deleteFrom('messages').where('stage', '=', 'link').where('document_id', 'in', jsonIdList(ids))),
  insertFlag: preparedQuery((db, code: string, document: string, other: string | null, field: string, values: string, message: string) => db.insertInto('flags')
    .values({ code, document_id: document, other_document_id: other, field, values_json: values, message }).onConflict((oc) => oc.doNothing())),
  clearFlags: preparedQuery((db, ids: string) => db.deleteFrom('flags').where((eb) => eb.or([eb('document_id', 'in', jsonIdList(ids)), eb('other_document_id', 'in', jsonIdList(ids))]))),
};

/**
 * The values effectiveFields gives (the newest correction per field over the extracted value),
 * without evidence: linking and flags compare values only, and reading every candidate's
 * evidence rows was the larger part of the link step (issue 12).
 */
async function effectiveValues(db: Db, ids: string[], stored: ReadonlyMap<string, DocumentPart>): Promise<Map<string, EffectiveFields>> {
  const out = new Map<string, EffectiveFields>(ids.map((id) => [id, {}]));
  const json = JSON.stringify(ids);
  const unread = ids.filter((id) => !stored.has(id));
  for (const id of ids) {
    const fields = stored.get(id)?.fields;
    if (!fields) continue;
    const effective = out.get(id)!;
    // As read back: value_json is JSON.stringify(value), and a stored null is a value.
    for (const [field, extracted] of Object.entries(fields)) {
      if (extracted && isLinkField(field)) effective[field as FieldName] = { value: JSON.parse(JSON.stringify(extracted.value)), evidence: [], corrected: null };
    }
  }
  if (unread.length) {
    for (const v of await statements.values(db, JSON.stringify(unread))) {
      out.get(v.document_id)![v.field as FieldName] = { value: JSON.parse(v.value_json), evidence: [], corrected: null };
    }
  }
  for (const c of await statements.corrections(db, json)) {
    out.get(c.document_id)![c.field as FieldName] = { value: JSON.parse(c.value_json), evidence: [], corrected: null };
  }
  return out;
}

/**
 * What one relink has read: each document's facts and the link keys stored with it, read once (a
 * relink writes no field values, so they cannot change under it; each document was read three or
 * four times). Documents just stored by the caller have their extracted values in `stored`: only
 * their corrections are read.
 */
interface Known {
  facts: Map<string, DocumentFacts>;
  keys: Map<string, LinkKeys>;
  stored: ReadonlyMap<string, DocumentPart>;
}

function knownFor(stored: readonly DocumentPart[] = []): Known {
  return { facts: new Map(), keys: new Map(), stored: new Map(stored.map((d) => [d.id, d])) };
}

async function factsOf(db: Db, ids: string[], known: Known): Promise<Map<string, DocumentFacts>> {
  const missing = ids.filter((id) => !known.facts.has(id));
  if (missing.length) {
    const rows = await statements.kinds(db, JSON.stringify(missing));
    const fields = await effectiveValues(db, rows.map((r) => r.id), known.stored);
    for (const r of rows) {
      known.facts.set(r.id, facts(r.id, r.kind, fields.get(r.id)!));
      known.keys.set(r.id, { title_key: r.title_key, owner_key: r.owner_key, period_start: r.period_start, period_end: r.period_end });
    }
  }
  return new Map(ids.filter((id) => known.facts.has(id)).map((id) => [id, known.facts.get(id)!]));
}

/** Rows each indexed lookup may return: the cost per document stays constant as the archive grows. */
export const CANDIDATE_LIMIT = 200;

/**
 * Each indexed lookup of candidates of kind `other`, by one key, returning only titles whose
 * length lets them reach the lookup's similarity (titleLengthWindow): in the 100 000-document
 * bench archive a popular owner or period start has hundreds of rows, and the limit then kept an
 * arbitrary 200 of them, most of which the length alone ruled out here. (The title lookup's key
 * fixes the length; the window costs it nothing and keeps the three alike.)
 */
const lookups = {
  title: (db: Db, other: string, key: string, shortest: number, longest: number) => candidateBase(db, other, shortest, longest)
    .where('d.title_key', '=', key),
  // With the period (015_owner_cover_period.ts): a weak title of the same owner links only if the periods overlap.
  owner: (db: Db, other: string, key: string, shortest: number, longest: number) => candidateBase(db, other, shortest, longest)
    .select(['d.period_start', 'd.period_end']).where('d.owner_key', '=', key),
  period: (db: Db, other: string, key: string, shortest: number, longest: number) => candidateBase(db, other, shortest, longest)
    .where('d.period_start', '=', key),
};

/**
 * The title key lengths that may reach similarity `min` with a key of `length` (the edit distance
 * is at least the difference in length): [min × length, length / min], widened by one each way
 * against rounding. similarityReaching still decides; keys are ASCII (matchKey), so SQLite's
 * length counts what JavaScript's does.
 */
export function titleLengthWindow(length: number, min: number): [number, number] {
  return [Math.max(0, Math.floor(min * length) - 1), Math.ceil(length / min) + 1];
}

// From the covering index alone: whether a candidate's file is current is asked only of the few
// whose titles come close (candidates), not of every row a popular owner or period returns.
function candidateBase(db: Db, other: string, shortest: number, longest: number) {
  return db.selectFrom('documents as d').where('d.kind', '=', other).select(['d.id', 'd.title_key'])
    .where(sql<number>`length(d.title_key)`, '>=', shortest).where(sql<number>`length(d.title_key)`, '<=', longest)
    .limit(CANDIDATE_LIMIT);
}

/** A row of a candidate lookup: the owner lookup's rows also carry the period (undefined in the others). */
interface CandidateRow { id: string; title_key: string | null; period_start?: string | null; period_end?: string | null }

/** The lookups compiled once: every new document runs up to three. */
const lookupStatements = {
  title: preparedQuery((db, other: string, key: string, shortest: number, longest: number) => lookups.title(db, other, key, shortest, longest)),
  owner: preparedQuery((db, other: string, key: string, shortest: number, longest: number) => lookups.owner(db, other, key, shortest, longest)),
  period: preparedQuery((db, other: string, key: string, shortest: number, longest: number) => lookups.period(db, other, key, shortest, longest)),
};

/**
 * The indexed lookups of candidates of the other kind: same folded title, same owner, same period
 * start; each with the title similarity below which its rows cannot link. A row of the period
 * lookup below STRONG_LINK_TITLE would need the same owner too, so the owner lookup brings it:
 * in the 100 000-document bench archive the period lookup's weak rows were most of the
 * candidates whose facts were read, none of them linkable.
 */
function candidateLookups(kind: string, titleKey: string | null, ownerKey: string | null, periodStart: string | null) {
  // Without a title nothing reaches a similarity (similarityReaching): no lookup can find a candidate.
  if (!titleKey) return [];
  const other = kind === 'decision' ? 'application' : 'decision';
  return [
    { by: 'title' as const, other, key: titleKey, minTitle: MIN_LINK_TITLE },
    ownerKey ? { by: 'owner' as const, other, key: ownerKey, minTitle: MIN_LINK_TITLE } : null,
    periodStart ? { by: 'period' as const, other, key: periodStart, minTitle: STRONG_LINK_TITLE } : null,
  ].filter((q) => q !== null).map((q) => ({ ...q, lengths: titleLengthWindow(titleKey.length, q.minTitle) }));
}

/** The candidate lookups as queries (their plans are tested to use the covering indexes). */
export function candidateQueries(db: Db, kind: string, titleKey: string | null, ownerKey: string | null, periodStart: string | null) {
  return candidateLookups(kind, titleKey, ownerKey, periodStart).map(({ by, other, key, minTitle, lengths }) => ({ query: lookups[by](db, other, key, ...lengths), minTitle }));
}

/**
 * Candidates worth scoring: found by an indexed lookup and with a folded title close enough that
 * linkScore could link them. Only these get their fields loaded (the costly part), so a popular
 * owner or period start in a large archive costs key comparisons, not field loads.
 */
async function candidates(db: Db, doc: DocumentFacts, titleKey: string | null, ownerKey: string | null): Promise<string[]> {
  const ids = new Set<string>();
  for (const { by, other, key, minTitle, lengths } of candidateLookups(doc.kind, titleKey, ownerKey, doc.period?.start ?? null)) {
    for (const r of await lookupStatements[by](db, other, key, ...lengths) as CandidateRow[]) {
      const similarity = similarityReaching(titleKey, r.title_key, minTitle);
      if (similarity < minTitle) continue;
      // Below STRONG_LINK_TITLE linkScore needs every support, the period overlap among them.
      if (r.period_start !== undefined && similarity < STRONG_LINK_TITLE && !overlaps(doc.period, { start: r.period_start, end: r.period_end ?? null })) continue;
      ids.add(r.id);
    }
  }
  ids.delete(doc.id);
  if (!ids.size) return [];
  // CROSS JOIN keeps the documents' primary key as the outer loop: left to itself SQLite walks the
  // (superseded_by) index, where nearly every file is null.
  const current = await statements.current(db, JSON.stringify([...ids]));
  return current.map((r) => r.id).sort();
}

const sameKeys = (a: LinkKeys | undefined, b: LinkKeys) =>
  !!a && a.title_key === b.title_key && a.owner_key === b.owner_key && a.period_start === b.period_start && a.period_end === b.period_end;

/** The case a document is in, if any. */
async function caseOf(db: Db, id: string) {
  return (await statements.caseOf(db, id))[0];
}

/**
 * Re-links the given documents into cases and recomputes every flag that touches them (and their
 * counterparts). Idempotent: running it twice changes nothing; flags are replaced, never duplicated.
 * Returns the number of flags on the given documents.
 */
export async function relinkDocuments(db: Db, ids: string[], stored: readonly DocumentPart[] = []): Promise<number> {
  if (!ids.length) return 0;
  const known = knownFor(stored);
  const docs = await factsOf(db, ids, known);
  const touched = new Set<string>(ids);

  await statements.clearMessages(db, JSON.stringify(ids));
  for (const doc of docs.values()) {
    // storeFile wrote the keys of the extracted values; a correction may have changed them since.
    const keys = linkKeysOf(doc.title, doc.owner, doc.period);
    if (!sameKeys(known.keys.get(doc.id), keys)) await statements.setKeys(db, doc.id, keys.title_key, keys.owner_key, keys.period_start, keys.period_end);
    // Leave the old case; its counterpart is re-examined below.
    const old = await caseOf(db, doc.id);
    if (old) {
      await statements.deleteCase(db, old.id);
      for (const other of [old.decision_id, old.application_id]) if (other && other !== doc.id) touched.add(other);
    }
  }

  const order = [...touched].sort();
  const all = await factsOf(db, order, known);
  for (const id of order) {
    const doc = all.get(id);
    if (!doc || !LINKABLE.includes(doc.kind)) continue;
    if (await caseOf(db, id)) continue;
    const keys = linkKeysOf(doc.title, doc.owner, doc.period);
    const candidateFacts = await factsOf(db, await candidates(db, doc, keys.title_key, keys.owner_key), known);
    const scored = [...candidateFacts.values()].map((c) => ({ c, s: linkScore(doc, c) })).filter((x) => x.s.score > 0).sort((a, b) => b.s.score - a.s.score || (a.c.id < b.c.id ? -1 : 1));
    let chosen: DocumentFacts | null = null;
    let score: number | null = null;
    if (scored.length > 1 && scored[0].s.score - scored[1].s.score < 0.02 && scored[0].s.title < 1) {
      // Two equally good counterparts: say so rather than guess.
      await db.insertInto('messages').values({ sha256: null, document_id: id, page: null, span_start: null, span_end: null, stage: 'link', level: 'warning', reason: `ambiguous link: ${scored[0].c.id} and ${scored[1].c.id} match equally well` }).execute();
      scored.length = 0;
    }
    for (const { c, s } of scored) {
      const existing = await caseOf(db, c.id);
      const partnerId = existing ? (existing.decision_id === c.id ? existing.application_id : existing.decision_id) : null;
      // A counterpart already linked at least as well keeps its partner.
      if (existing && partnerId && (existing.score ?? 0) >= s.score) continue;
      if (existing) {
        await statements.deleteCase(db, existing.id);
        if (partnerId) touched.add(partnerId);
      }
      chosen = c;
      score = s.score;
      break;
    }
    const decision = doc.kind === 'decision' ? doc : chosen;
    const application = doc.kind === 'application' ? doc : chosen;
    if (chosen) touched.add(chosen.id);
    await statements.insertCase(db, caseId(decision?.id ?? null, application?.id ?? null), decision?.title ?? application?.title ?? '',
      decision?.id ?? null, application?.id ?? null, score);
  }
  // Lone documents displaced by a better match get a case of their own again.
  for (const id of [...touched].sort()) {
    if (await caseOf(db, id)) continue;
    const doc = (await factsOf(db, [id], known)).get(id);
    if (!doc || !LINKABLE.includes(doc.kind)) continue;
    const decision = doc.kind === 'decision' ? doc.id : null;
    const application = doc.kind === 'application' ? doc.id : null;
    await statements.insertCase(db, caseId(decision, application), doc.title ?? '', decision, application, null);
  }
  return recomputeFlags(db, [...touched], known);
}

/** Replaces the flags of the given documents: their own checks and those of their cases. */
export async function recomputeFlags(db: Db, ids: string[], known = knownFor()): Promise<number> {
  if (!ids.length) return 0;
  const json = JSON.stringify(ids);
  await statements.clearFlags(db, json);
  const cases = await statements.casesOf(db, json);
  const involved = new Set(ids);
  for (const c of cases) for (const x of [c.decision_id, c.application_id]) if (x) involved.add(x);
  const all = await factsOf(db, [...involved], known);
  const drafts = [...all.values()].filter((d) => ids.includes(d.id)).flatMap(checkDocument);
  for (const c of cases) {
    const d = c.decision_id ? all.get(c.decision_id) : undefined;
    const a = c.application_id ? all.get(c.application_id) : undefined;
    if (d && a) drafts.push(...compareCase(d, a));
  }
  for (const f of drafts) await statements.insertFlag(db, f.code, f.document, f.other_document, f.field, JSON.stringify(f.values), f.message);
  return drafts.filter((f) => ids.includes(f.document) || (f.other_document && ids.includes(f.other_document))).length;
}
