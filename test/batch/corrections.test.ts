// A person's correction outlives the nightly batch: re-ingest, forced re-ingest and reprocess.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportDocument, ExportObject } from '../../db/queries/export.js';
import { ingestCommand } from '../../scripts/commands/ingest.js';
import { correctCommand, historyCommand, reprocessCommand } from '../../scripts/commands/corrections.js';
import { captureStdout, corpusDocuments, exportOf, tempDir, withoutTimestamps } from './fixtures.js';

const DECISION = 'pair-01-dec.txt';
const APPLICATION = 'pair-01-app.txt';

describe('a correction (arende correct DOC amount_sek 123 --by anna)', () => {
  let dir: string;
  let db: string;
  let decision: ExportDocument;
  let application: ExportDocument;
  let extracted: number | null;
  let corrected: ExportObject;
  const decisionIn = (out: ExportObject) => out.documents.find((d) => d.id === decision.id)!;

  beforeAll(async () => {
    dir = tempDir('correct');
    db = join(dir, 'a.db');
    mkdirSync(join(dir, 'in'));
    for (const name of [DECISION, APPLICATION]) copyFileSync(join(corpusDocuments, name), join(dir, 'in', name));
    expect((await captureStdout(() => ingestCommand([join(dir, 'in')], { db, quiet: true }))).result).toBe(0);
    const before = await exportOf(db);
    decision = before.documents.find((d) => d.file.endsWith(DECISION))!;
    application = before.documents.find((d) => d.file.endsWith(APPLICATION))!;
    expect(decision.kind).toBe('decision');
    extracted = decision.amount_sek;
    expect(extracted).not.toBe(123);

    const run = await captureStdout(() => correctCommand(decision.id, 'amount_sek', '123', { db, by: 'anna', note: 'läst i protokollet' }));
    expect(run.result).toBe(0);
    expect(run.stdout).toContain(`${decision.id} amount_sek: ${JSON.stringify(extracted)} → 123 (by anna)`);
    corrected = await exportOf(db);
  }, 120000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the exported value, and every piece of its evidence says by whom, when and what it replaced', () => {
    const doc = decisionIn(corrected);
    expect(doc.amount_sek).toBe(123);
    expect(doc.provenance.amount_sek.length).toBeGreaterThan(0);
    for (const e of doc.provenance.amount_sek) {
      expect(e.corrected).toEqual({ by: 'anna', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/), previous: extracted });
    }
    // Fields nobody corrected say so.
    for (const e of doc.provenance.title ?? []) expect(e.corrected).toBeNull();
  });

  it('recomputes the flags from the corrected value', () => {
    const flag = corrected.flags.find((f) => f.code === 'amount_mismatch' && f.document === decision.id && f.other_document === application.id);
    expect(flag?.values).toEqual([123, application.amount_sek]);
  });

  it('survives re-ingest of the same file, a --force re-ingest and reprocess --all', async () => {
    const again = await captureStdout(() => ingestCommand([join(dir, 'in')], { db, quiet: true }));
    expect(again.stdout).toMatch(/0 new, 2 unchanged/);
    expect(withoutTimestamps(await exportOf(db))).toEqual(withoutTimestamps(corrected));

    const forced = await captureStdout(() => ingestCommand([join(dir, 'in')], { db, quiet: true, force: true }));
    expect(forced.result).toBe(0);
    expect(forced.stdout).toMatch(/2 new, 0 unchanged/);
    expect(await exportOf(db)).toEqual(corrected);

    const reprocessed = await captureStdout(() => reprocessCommand({ db, all: true }));
    expect(reprocessed.result).toBe(0);
    expect(reprocessed.stdout).toMatch(/2 files — 2 re-extracted from stored pages, 0 re-loaded, 0 failed/);
    expect(await exportOf(db)).toEqual(corrected);
  }, 120000);

  it('shows in arende history DOC with who, the old and the new value and the note', async () => {
    const { result, stdout } = await captureStdout(() => historyCommand(decision.id, { db }));
    expect(result).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\S+\\tanna\\tamount_sek\\t${JSON.stringify(extracted)} → 123\\tläst i protokollet$`));
  });
});
