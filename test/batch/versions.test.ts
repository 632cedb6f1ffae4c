// Files keyed by their bytes: a moved file is recognised, a changed file is a new version that
// supersedes the old one at its path.
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../pipeline/runner.js';
import { corpusDocuments, exportOf, tempDir } from './fixtures.js';

const SOURCE = join(corpusDocuments, '002_338f5d121b4b992d.txt');
const OTHER = join(corpusDocuments, 'dec-02_gemensam-vag.txt');

/** The same decision with its amount changed: new bytes, same document kind. */
function changedText(): string {
  const text = readFileSync(SOURCE, 'utf8');
  const changed = text.replace(/150 000/g, '175 000');
  if (changed === text) throw new Error('fixture: amount "150 000" not found in the source text');
  return changed;
}

describe('moved, renamed and changed files', () => {
  let dir: string;
  let input: string;
  let db: string;
  const run = () => ingest([input], { db, repair: false });

  beforeEach(() => {
    dir = tempDir('versions');
    input = join(dir, 'in');
    db = join(dir, 'a.db');
    mkdirSync(join(input, 'inkommet'), { recursive: true });
    copyFileSync(SOURCE, join(input, 'inkommet', 'beslut.txt'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('recognises a moved and renamed file with the same bytes as unchanged and exports its new path', async () => {
    expect((await run()).new).toBe(1);
    const before = await exportOf(db);
    mkdirSync(join(input, 'arkiv'));
    renameSync(join(input, 'inkommet', 'beslut.txt'), join(input, 'arkiv', '2018-beslut-lokus.txt'));
    const summary = await run();
    expect(summary).toMatchObject({ new: 0, unchanged: 1, rejected: 0 });
    const after = await exportOf(db);
    expect(after.documents).toHaveLength(1);
    expect(after.documents[0]).toEqual({ ...before.documents[0], file: join(input, 'arkiv', '2018-beslut-lokus.txt') });
  });

  it('stores a changed file (new bytes, same path) as a new version and exports only that one', async () => {
    await run();
    const before = await exportOf(db);
    writeFileSync(join(input, 'inkommet', 'beslut.txt'), changedText());
    expect(await run()).toMatchObject({ new: 1, unchanged: 0 });
    const after = await exportOf(db);
    expect(after.documents).toHaveLength(1);
    expect(after.documents[0].sha256).not.toBe(before.documents[0].sha256);
    expect(after.documents[0].amount_sek).toBe(175000);
    expect(after.documents[0].file).toBe(join(input, 'inkommet', 'beslut.txt'));
  });

  it('exports the old version again when a changed file is changed back to its earlier bytes', async () => {
    await run();
    const original = await exportOf(db);
    writeFileSync(join(input, 'inkommet', 'beslut.txt'), changedText());
    await run();
    copyFileSync(SOURCE, join(input, 'inkommet', 'beslut.txt'));
    expect(await run()).toMatchObject({ new: 0, unchanged: 1 });
    expect((await exportOf(db)).documents).toEqual(original.documents);
  });

  it('supersedes what stood at a path when a file already archived under another name is moved onto it', async () => {
    copyFileSync(OTHER, join(input, 'inkommet', 'utkast.txt'));
    await run();
    // The draft replaces the decision: same bytes as an archived file, moved onto the decision's path.
    renameSync(join(input, 'inkommet', 'utkast.txt'), join(input, 'inkommet', 'beslut.txt'));
    expect(await run()).toMatchObject({ new: 0, unchanged: 1 });
    const after = await exportOf(db);
    expect(after.documents.map((d) => d.file)).toEqual([join(input, 'inkommet', 'beslut.txt')]);
    expect(after.documents[0].text).toContain(readFileSync(OTHER, 'utf8').trim().split('\n')[0].trim());
  });

  it('links the new version of a decision into its case, and no case or flag names the superseded version', async () => {
    for (const name of ['pair-01-dec.txt', 'pair-01-app.txt']) copyFileSync(join(corpusDocuments, name), join(input, 'inkommet', name));
    await run();
    const before = await exportOf(db);
    const application = before.documents.find((d) => d.file.endsWith('pair-01-app.txt'))!;
    const oldDecision = before.documents.find((d) => d.file.endsWith('pair-01-dec.txt'))!;
    expect(before.cases).toContainEqual(expect.objectContaining({ decision: oldDecision.id, application: application.id }));

    // The decision is re-saved with a line added: new bytes, same insats.
    writeFileSync(join(input, 'inkommet', 'pair-01-dec.txt'), readFileSync(join(corpusDocuments, 'pair-01-dec.txt'), 'utf8') + '\nJusterat efter sammanträdet.\n');
    await run();
    const after = await exportOf(db);
    const newDecision = after.documents.find((d) => d.file.endsWith('pair-01-dec.txt'))!;
    expect(newDecision.id).not.toBe(oldDecision.id);
    const ids = new Set(after.documents.map((d) => d.id));
    for (const c of after.cases) for (const id of [c.decision, c.application]) if (id) expect(ids).toContain(id);
    for (const f of after.flags) for (const id of [f.document, f.other_document]) if (id) expect(ids).toContain(id);
    expect(after.cases).toContainEqual(expect.objectContaining({ decision: newDecision.id, application: application.id }));
  });
});
