import { type Kysely, sql } from 'kysely';

// Views for other tools (sqlite3 CLI, Datasette, DB Browser): the contract's fields as columns,
// effective (corrected) values, JSON-valued fields as JSON text. Current documents only (a file
// replaced by newer content at the same path drops out, as in the export). docs/analysts.md
// describes every column.

export async function up(db: Kysely<any>): Promise<void> {
  // The newest correction per (document, field) wins over the extracted value; a correction of a
  // field the extractor left empty adds it. Same rule as db/queries/fields.ts effectiveFields.
  await sql`create view v_field_values as
    select c.document_id, c.field, c.value_json, c.by as corrected_by, c.at as corrected_at, c.previous_json
      from corrections c
      where c.id = (select max(c2.id) from corrections c2 where c2.document_id = c.document_id and c2.field = c.field)
    union all
    select v.document_id, v.field, v.value_json, null, null, null
      from field_values v
      where not exists (select 1 from corrections c where c.document_id = v.document_id and c.field = v.field)`.execute(db);

  const json = (field: string) => `(select e.value_json from v_field_values e where e.document_id = d.id and e.field = '${field}')`;
  const list = (field: string) => `coalesce(${json(field)}, '[]')`;
  await sql.raw(`create view v_documents as
    select
      d.id, fl.path as file, d.sha256, d.first_page, d.last_page, d.kind, d.language,
      f.title, f.owner,
      ${list('partners')} as partners,
      ${list('municipalities')} as municipalities,
      f.period_start, f.period_end, f.amount_sek, f.outcome,
      ${json('applied')} as applied,
      ${list('goals')} as goals,
      ${list('staffing')} as staffing,
      json_extract(${json('participants_per_year')}, '$') as participants_per_year,
      ${json('budget')} as budget,
      json_extract(${json('budget')}, '$.total_sek') as budget_total_sek,
      ${list('signatories')} as signatories,
      d.ocr_used, d.ocr_confidence as ocr_mean_confidence,
      f.year,
      (select count(*) from flags g where g.document_id = d.id or g.other_document_id = d.id) as flag_count,
      d.text
    from documents d
    join files fl on fl.sha256 = d.sha256
    join document_facts f on f.document_id = d.id
    where fl.superseded_by is null`).execute(db);

  await sql`create view v_cases as
    select c.id, c.title, c.decision_id as decision, c.application_id as application, c.score,
      dd.amount_sek as granted_sek, da.amount_sek as applied_sek, dd.outcome,
      coalesce(dd.period_start, da.period_start) as period_start, coalesce(dd.period_end, da.period_end) as period_end,
      coalesce(dd.owner, da.owner) as owner
    from cases c
    left join document_facts dd on dd.document_id = c.decision_id
    left join document_facts da on da.document_id = c.application_id
    where coalesce(dd.current, 0) = 1 or coalesce(da.current, 0) = 1`.execute(db);

  await sql`create view v_flags as
    select g.id, g.code, g.document_id as document, g.other_document_id as other_document, g.field,
      json_extract(g.values_json, '$[0]') as value_document, json_extract(g.values_json, '$[1]') as value_other,
      g.values_json as "values", g.message, f.title, f.kind
    from flags g
    join document_facts f on f.document_id = g.document_id
    where f.current = 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const v of ['v_flags', 'v_cases', 'v_documents', 'v_field_values']) await sql.raw(`drop view if exists ${v}`).execute(db);
}
