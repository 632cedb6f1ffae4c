// storeFile sends field values, evidence and messages as one JSON array per table (issue 12):
// what is stored must be exactly what was extracted — text, numbers, nulls, types.
import { sql } from 'kysely';
import { archiveWith, sourceFile, value, type TestArchive } from '../analysts/fixture.js';
import { storeFile } from '../../db/queries/store-file.js';

describe('storeFile rows through json_each', () => {
  let a: TestArchive;
  afterEach(async () => a?.close());

  it('keeps raw text with quotes, line breaks, diacritics and astral characters, numbers with their types, and nulls', async () => {
    const raw = 'Förslag: "bevilja" 355 000 kr\n– med \\ och 😀';
    a = await archiveWith([]);
    const file = sourceFile({ path: 'in/x.txt', kind: 'decision', pages: ['sida ett', 'sida två'], fields: {
      amount_sek: value(355000, raw, 0.55, 2, 'decision/amount'),
      partners: value(['Försäkringskassan', 'Region Uppsala'], 'Försäkringskassan och Region Uppsala', 1, 1),
    } });
    file.messages.push({ file: file.path, stage: 'extract', level: 'warning', reason: 'belopp "saknas" i Ärendet', document: file.documents[0].id });
    const [id] = await a.db.transaction().execute((trx) => storeFile(trx, file));

    const evidence = (await sql<Record<string, unknown>>`select field, ord, page, span_start, span_end, raw, confidence, extractor, typeof(confidence) as t, typeof(page) as tp
      from evidence where document_id = ${id} order by field`.execute(a.db)).rows;
    expect(evidence).toEqual([
      { field: 'amount_sek', ord: 0, page: 2, span_start: 0, span_end: raw.length, raw, confidence: 0.55, extractor: 'decision/amount', t: 'real', tp: 'integer' },
      { field: 'partners', ord: 0, page: 1, span_start: 0, span_end: 36, raw: 'Försäkringskassan och Region Uppsala', confidence: 1, extractor: 'test', t: 'real', tp: 'integer' },
    ]);
    const values = (await sql<{ field: string; value_json: string }>`select field, value_json from field_values where document_id = ${id} order by field`.execute(a.db)).rows;
    expect(values.map((v) => [v.field, JSON.parse(v.value_json)])).toEqual([['amount_sek', 355000], ['partners', ['Försäkringskassan', 'Region Uppsala']]]);
    const messages = (await sql<Record<string, unknown>>`select document_id, page, span_start, stage, level, reason from messages where sha256 = ${file.sha256}`.execute(a.db)).rows;
    expect(messages).toEqual([{ document_id: id, page: null, span_start: null, stage: 'extract', level: 'warning', reason: 'belopp "saknas" i Ärendet' }]);
  });
});
