// Linking across ingest runs, and what the linker does when it cannot choose.
import { docOf, flagList, TempArchive, corpusText } from './fixtures.js';

describe('linking across batches', () => {
  const archive = new TempArchive();
  afterAll(() => archive.remove());

  it('puts an ansökan ingested in one run and its decision ingested later into one case', async () => {
    await archive.ingest(['pair-06-app.txt']);
    let out = await archive.export();
    const app = docOf(out, 'pair-06-app.txt');
    expect(out.cases).toEqual([expect.objectContaining({ decision: null, application: app.id })]);

    // "Arbetsnära rehabilitering i Heby" vs "Arbetsnära stöd i Heby": linked by owner, partners and period.
    await archive.ingest(['pair-06-dec.txt']);
    out = await archive.export();
    const dec = docOf(out, 'pair-06-dec.txt');
    expect(out.cases).toEqual([expect.objectContaining({ decision: dec.id, application: app.id })]);
    expect(flagList(out)).toEqual(['title_mismatch title pair-06-dec.txt→pair-06-app.txt']);
    expect(out.flags[0].values).toEqual(['Arbetsnära rehabilitering i Heby', 'Arbetsnära stöd i Heby']);
  });
});

describe('two equally good candidates', () => {
  const archive = new TempArchive();
  afterAll(() => archive.remove());

  it('links the decision to neither ansökan and leaves a message', async () => {
    // The same ansökan handed in twice (signed on different days): the decision cannot tell them apart.
    const text = corpusText('pair-06-app.txt');
    const resubmitted = text.replace('Heby kommun 2024-01-15', 'Heby kommun 2024-02-05');
    expect(resubmitted).not.toBe(text);
    await archive.ingest(['pair-06-app.txt'], { 'pair-06-app-ny.txt': resubmitted });
    await archive.ingest(['pair-06-dec.txt']);

    const out = await archive.export();
    const dec = docOf(out, 'pair-06-dec.txt');
    expect(out.cases.filter((c) => c.decision === dec.id)).toEqual([expect.objectContaining({ application: null })]);
    expect(out.cases.filter((c) => c.application !== null && c.decision !== null)).toEqual([]);
    expect(out.flags.filter((f) => f.other_document !== null)).toEqual([]);

    const messages = await archive.open((db) => db.selectFrom('messages').select(['reason', 'level']).where('document_id', '=', dec.id).where('stage', '=', 'link').execute());
    expect(messages).toHaveLength(1);
    expect(messages[0].reason).toMatch(/ambiguous link/);
    const apps = out.documents.filter((d) => d.kind === 'application').map((d) => d.id);
    for (const id of apps) expect(messages[0].reason).toContain(id);
  });
});
