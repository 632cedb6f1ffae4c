import { type Kysely, sql } from 'kysely';
import { sqlFold } from './002_search.js';

// Two narrow tables kept by triggers on document_facts, so analysts' queries cost O(answer)
// rather than a pass over every document (issue 10):
//
// - document_kommuner (kommun, document_rowid): each document's kommuner folded as the search
//   query folds them; search --municipality finds its documents by index instead of instr() on
//   every facts row.
// - stats_groups (dimension, stated, key, counts and sums): what stats() showed by grouping all
//   current documents, kept up to date by adding a document's contribution to its groups and
//   subtracting it when its facts change. stats is then a read of a few hundred rows.
//
// The triggers fire only when a column they depend on actually changes (008 updates one field's
// columns per field_values row), so storing a document pays a handful of small upserts.

/** The dimensions kept: each one's facts column and group key (a list column: one group per element). */
const DIMENSIONS: Record<string, { column: string; list?: true; key?: (r: string) => string }> = {
  year: { column: 'year', key: (r) => `cast(${r}.year as text)` },
  outcome: { column: 'outcome' },
  owner: { column: 'owner' },
  kind: { column: 'kind' },
  municipality: { column: 'municipalities', list: true },
  partner: { column: 'partners', list: true },
};

/** A select of row `r`'s keys in dimension `dim` (r is a trigger's old/new, so it may be used inside). */
function keys(dim: string, r: string): string {
  const { column, list, key } = DIMENSIONS[dim];
  // A document counts once under each element, and under null when the list is empty (as a left
  // join of json_each does in a plain grouping).
  if (list) return `select j.value as key from json_each(${r}.${column}) j
      union all select null where not exists (select 1 from json_each(${r}.${column}))`;
  return `select ${key ? key(r) : `${r}.${column}`} as key`;
}

/** Facts columns the measures read; a change to any moves the document in every dimension. */
const MEASURE_COLUMNS = ['current', 'kind', 'outcome', 'amount_sek'];
const measuresChanged = MEASURE_COLUMNS.map((c) => `old.${c} is not new.${c}`).join(' or ');

/** Adds (sign 1) or subtracts (sign -1) row `r`'s contribution to dimension `dim`'s groups. */
function contribute(dim: string, r: string, sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  return `insert into stats_groups (dimension, stated, key, documents, decisions, applications, granted, granted_sek, applied_sek)
    select '${dim}', k.key is not null, coalesce(k.key, ''), ${s}1,
      ${s}coalesce(${r}.kind = 'decision', 0), ${s}coalesce(${r}.kind = 'application', 0),
      ${s}coalesce(${r}.kind = 'decision' and ${r}.outcome = 'granted', 0),
      ${s}(case when ${r}.kind = 'decision' and ${r}.outcome = 'granted' then coalesce(${r}.amount_sek, 0) else 0 end),
      ${s}(case when ${r}.kind = 'application' then coalesce(${r}.amount_sek, 0) else 0 end)
    from (${keys(dim, r)}) k where ${r}.current = 1
    on conflict (dimension, stated, key) do update set
      documents = documents + excluded.documents, decisions = decisions + excluded.decisions,
      applications = applications + excluded.applications, granted = granted + excluded.granted,
      granted_sek = granted_sek + excluded.granted_sek, applied_sek = applied_sek + excluded.applied_sek;`;
}

const all = (r: string, sign: 1 | -1) => Object.keys(DIMENSIONS).map((d) => contribute(d, r, sign)).join('\n    ');

/** The kommuner rows of facts row `r`, folded as 008 folds municipalities_key. */
function kommunerInsert(r: string): string {
  return `insert or ignore into document_kommuner (kommun, document_rowid)
      select ${sqlFold('j.value')}, ${r}.rowid from json_each(${r}.municipalities) j where j.value is not null;`;
}

const TRIGGERS: Record<string, string> = {
  facts_kommuner_insert: `after insert on document_facts begin ${kommunerInsert('new')} end`,
  facts_kommuner_update: `after update of municipalities_key on document_facts when old.municipalities_key is not new.municipalities_key begin
    delete from document_kommuner where document_rowid = old.rowid;
    ${kommunerInsert('new')}
  end`,
  facts_kommuner_delete: `after delete on document_facts begin delete from document_kommuner where document_rowid = old.rowid; end`,
  facts_stats_insert: `after insert on document_facts begin ${all('new', 1)} end`,
  facts_stats_delete: `after delete on document_facts begin ${all('old', -1)} end`,
  // One trigger for the measures (every dimension moves) and one per key column that fires only
  // when the measures stayed, so an UPDATE changing both is counted once.
  facts_stats_measures: `after update of ${MEASURE_COLUMNS.join(', ')} on document_facts when ${measuresChanged} begin
    ${all('old', -1)}
    ${all('new', 1)}
  end`,
};
for (const [dim, { column }] of Object.entries(DIMENSIONS)) {
  if (MEASURE_COLUMNS.includes(column)) continue; // kind: the measures trigger moves it
  TRIGGERS[`facts_stats_${dim}`] = `after update of ${column} on document_facts
    when old.${column} is not new.${column} and not (${measuresChanged}) begin
    ${contribute(dim, 'old', -1)}
    ${contribute(dim, 'new', 1)}
  end`;
}


export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table document_kommuner (
    kommun text not null, document_rowid integer not null,
    primary key (kommun, document_rowid)
  ) without rowid`.execute(db);
  await sql`create index document_kommuner_document on document_kommuner (document_rowid)`.execute(db);
  // "stated" = 0 is the group of documents that state no value (key '' then); a real '' is stated.
  await sql`create table stats_groups (
    dimension text not null, stated integer not null, key not null,
    documents integer not null, decisions integer not null, applications integer not null,
    granted integer not null, granted_sek not null, applied_sek not null,
    primary key (dimension, stated, key)
  ) without rowid`.execute(db);
  for (const [name, body] of Object.entries(TRIGGERS)) await sql.raw(`create trigger ${name} ${body}`).execute(db);

  // Archives made before this migration: fill both from the facts there are.
  await sql.raw(`insert or ignore into document_kommuner (kommun, document_rowid)
    select ${sqlFold('j.value')}, f.rowid from document_facts f, json_each(f.municipalities) j where j.value is not null`).execute(db);
  for (const [dim, { column, list, key }] of Object.entries(DIMENSIONS)) {
    const k = list ? 'j.value' : key ? key('f') : `f.${column}`;
    await sql.raw(`insert into stats_groups (dimension, stated, key, documents, decisions, applications, granted, granted_sek, applied_sek)
      select '${dim}', ${k} is not null, coalesce(${k}, ''), count(*), coalesce(sum(f.kind = 'decision'), 0), coalesce(sum(f.kind = 'application'), 0),
        coalesce(sum(f.kind = 'decision' and f.outcome = 'granted'), 0),
        sum(case when f.kind = 'decision' and f.outcome = 'granted' then coalesce(f.amount_sek, 0) else 0 end),
        sum(case when f.kind = 'application' then coalesce(f.amount_sek, 0) else 0 end)
      from document_facts f ${list ? `left join json_each(f.${column}) j` : ''} where f.current = 1
      group by 2, 3`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of Object.keys(TRIGGERS)) await sql.raw(`drop trigger if exists ${name}`).execute(db);
  await sql`drop table if exists stats_groups`.execute(db);
  await sql`drop table if exists document_kommuner`.execute(db);
}
