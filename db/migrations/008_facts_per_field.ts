import { type Kysely, sql } from 'kysely';
import { effectiveJson, recompute, sqlFold } from './002_search.js';

// 002_search.ts recomputed the whole document_facts row (a dozen correlated subqueries) after
// every field_values row: a document's ~20 field rows cost ~4 ms in storeFile (issue 12). Each
// field row can only change the facts columns derived from that field, so these triggers
// recompute just those columns, and fields no column derives from fire nothing. Every writer
// (storeFile, bulk SQL in the benches, corrections) stays in sync without calling anything.

/** The facts columns each field feeds, as SET assignments for document `doc`. */
function assignments(doc: string): Record<string, string[]> {
  const value = (field: string) => `json_extract(${effectiveJson(doc, field)}, '$')`;
  const list = (field: string) => `coalesce(${effectiveJson(doc, field)}, '[]')`;
  const period = effectiveJson(doc, 'period');
  const signatories = effectiveJson(doc, 'signatories');
  // The year of the period's start, else of the earliest signature (as 002_search.ts).
  const year = `year = cast(coalesce(substr(json_extract(${period}, '$.start'), 1, 4),`
    + ` (select substr(min(json_extract(j.value, '$.date')), 1, 4) from json_each(coalesce(${signatories}, '[]')) j)) as integer)`;
  return {
    title: [`title = ${value('title')}`],
    owner: [`owner = ${value('owner')}`],
    partners: [`partners = ${list('partners')}`],
    municipalities: [
      `municipalities = ${list('municipalities')}`,
      `municipalities_key = (select '|' || group_concat(${sqlFold('j.value')}, '|') || '|' from json_each(${list('municipalities')}) j)`,
    ],
    period: [`period_start = json_extract(${period}, '$.start')`, `period_end = json_extract(${period}, '$.end')`, year],
    signatories: [year],
    amount_sek: [`amount_sek = ${value('amount_sek')}`],
    outcome: [`outcome = ${value('outcome')}`],
  };
}

const FIELDS = Object.keys(assignments('x'));

function triggers(event: 'insert' | 'delete'): string[] {
  const row = event === 'insert' ? 'new' : 'old';
  return Object.entries(assignments(`${row}.document_id`)).map(([field, set]) =>
    `create trigger field_values_facts_${event}_${field} after ${event} on field_values when ${row}.field = '${field}' begin
    update document_facts set ${set.join(', ')} where document_id = ${row}.document_id;
  end`);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists field_values_facts_insert`.execute(db);
  await sql`drop trigger if exists field_values_facts_delete`.execute(db);
  for (const s of [...triggers('insert'), ...triggers('delete')]) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const event of ['insert', 'delete']) for (const field of FIELDS) await sql.raw(`drop trigger if exists field_values_facts_${event}_${field}`).execute(db);
  // 002_search.ts's whole-row triggers, as it created them.
  await sql.raw(`create trigger field_values_facts_insert after insert on field_values begin ${recompute('new.document_id')} end`).execute(db);
  await sql.raw(`create trigger field_values_facts_delete after delete on field_values begin ${recompute('old.document_id')} end`).execute(db);
}
