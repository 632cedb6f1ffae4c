import { type Kysely, sql } from 'kysely';

// A field value carries its evidence, as a JSON array, in its own row. Before, the ~20 evidence
// rows of a document went to a table of their own whose index on (document_id, field, ord) was
// keyed by random document ids: in a 100 000-document archive that index alone wrote 3.4 of a
// document's 37 WAL pages (an empty archive: 0.5), because nearly every new row landed on a
// different leaf (issue 12). Evidence is only ever read per field value, in order, so it lives
// there now, appended with the value. The view `evidence` gives SQL readers (web/review.ts,
// analysts) the rows they had. field_values stays a rowid table: clustered on its random key, its
// rows (value and evidence) would be rewritten where they land, which cost more than the index.
//
// Evidence item: [page, span_start, span_end, raw, confidence, extractor].

/** The evidence rows of all field values, as the table of 001 had them (without its id). */
export const EVIDENCE_VIEW = `create view evidence as
  select v.document_id, v.field, j.key as ord, j.value ->> 0 as page, j.value ->> 1 as span_start, j.value ->> 2 as span_end,
    j.value ->> 3 as raw, cast(j.value ->> 4 as real) as confidence, j.value ->> 5 as extractor
  from field_values v, json_each(v.evidence_json) j`;

/** Rebuilds field_values as `definition` (its columns and options) from `select`, keeping its triggers (a dropped table takes them along). */
async function rebuildFieldValues(db: Kysely<any>, definition: string, select: string): Promise<void> {
  const triggers = (await sql<{ sql: string }>`select sql from sqlite_schema where type = 'trigger' and tbl_name = 'field_values'`.execute(db)).rows;
  await sql.raw(`create table field_values_new ${definition}`).execute(db);
  await sql.raw(`insert into field_values_new ${select}`).execute(db);
  await sql`drop table field_values`.execute(db);
  // The views that read field_values (003, 013) must not be rewritten or checked while it is missing.
  await sql`pragma legacy_alter_table = on`.execute(db);
  await sql`alter table field_values_new rename to field_values`.execute(db);
  await sql`pragma legacy_alter_table = off`.execute(db);
  for (const t of triggers) await sql.raw(t.sql).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await rebuildFieldValues(db,
    `("document_id" text not null references "documents" ("id") on delete cascade, "field" text not null, "value_json" text not null,
     "evidence_json" text not null default '[]', constraint "field_values_pk" primary key ("document_id", "field"))`,
    `select v.document_id, v.field, v.value_json,
       coalesce((select json_group_array(json_array(e.page, e.span_start, e.span_end, e.raw, e.confidence, e.extractor) order by e.ord)
         from evidence e where e.document_id = v.document_id and e.field = v.field), '[]')
     from field_values v order by v.document_id, v.field`);
  await sql`drop table evidence`.execute(db);
  await sql.raw(EVIDENCE_VIEW).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop view evidence`.execute(db);
  await sql`create table evidence ("id" integer primary key autoincrement, "document_id" text not null references "documents" ("id") on delete cascade,
    "field" text not null, "ord" integer not null, "page" integer not null, "span_start" integer not null, "span_end" integer not null,
    "raw" text not null, "confidence" real not null, "extractor" text not null)`.execute(db);
  await sql`insert into evidence (document_id, field, ord, page, span_start, span_end, raw, confidence, extractor)
    select v.document_id, v.field, j.key, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5
    from field_values v, json_each(v.evidence_json) j order by v.document_id, v.field, j.key`.execute(db);
  await sql`create index evidence_doc on evidence (document_id, field, ord)`.execute(db);
  await rebuildFieldValues(db,
    `("document_id" text not null references "documents" ("id") on delete cascade, "field" text not null, "value_json" text not null,
     constraint "field_values_pk" primary key ("document_id", "field"))`,
    'select document_id, field, value_json from field_values');
}
