// The link keys (documents.title_key, owner_key, period_start, period_end) are written with the
// document from its extracted values, and a relink rewrites them only when a correction changed
// them: a corrected title must stay the key through a forced re-ingest, which stores the
// extracted title again (issue 12: the update after every insert was a statement per document).
import { correctField } from '../../db/queries/corrections.js';
import { matchKey } from '../../db/queries/keys.js';
import { ingest } from '../../pipeline/runner.js';
import { keySimilarity, similarityReaching } from '../../pipeline/link.js';
import { docOf, TempArchive } from './fixtures.js';

const keysOf = (archive: TempArchive, id: string) => archive.open((db) => db.selectFrom('documents')
  .select(['title_key', 'owner_key', 'period_start', 'period_end']).where('id', '=', id).executeTakeFirstOrThrow());

describe('link keys', () => {
  const archive = new TempArchive();
  afterAll(() => archive.remove());

  it('are stored from the extracted values and follow a correction through a forced re-ingest', async () => {
    await archive.ingest(['pair-01-dec.txt', 'pair-01-app.txt']);
    const app = docOf(await archive.export(), 'pair-01-app.txt');
    expect(app.title).toBeTruthy();
    expect(await keysOf(archive, app.id)).toEqual({
      title_key: matchKey(app.title!), owner_key: app.owner ? matchKey(app.owner) : null,
      period_start: app.period?.start ?? null, period_end: app.period?.end ?? null,
    });

    await archive.open((db) => correctField(db, { document: app.id, field: 'title', value: 'Helt annan insats', by: 'test' }));
    expect((await keysOf(archive, app.id)).title_key).toBe(matchKey('Helt annan insats'));
    // Unlinked by the correction: the decision's title no longer matches.
    expect((await archive.export()).cases.find((c) => c.application === app.id)?.decision ?? null).toBeNull();

    await ingest([archive.folder(['pair-01-dec.txt', 'pair-01-app.txt'])], { db: archive.db, jobs: 1, force: true });
    expect((await keysOf(archive, app.id)).title_key).toBe(matchKey('Helt annan insats'));
    expect((await archive.export()).cases.find((c) => c.application === app.id)?.decision ?? null).toBeNull();
  }, 60000);
});

describe('similarityReaching', () => {
  it('says exactly what keySimilarity >= min says, and where it reaches min it is keySimilarity', () => {
    // Deterministic pseudo-random keys of many lengths, some sharing prefixes.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const word = () => Array.from({ length: 1 + (next() % 40) }, () => 'aabcdeiklmnorst'[next() % 15]).join('');
    let pruned = 0;
    for (let i = 0; i < 5000; i++) {
      const a = word();
      const b = next() % 3 === 0 ? a.slice(0, Math.max(1, a.length - (next() % 8))) + word().slice(0, next() % 6) : word();
      for (const min of [0.5, 0.85]) {
        const reaching = similarityReaching(a, b, min);
        expect(reaching >= min).toBe(keySimilarity(a, b) >= min);
        if (reaching >= min) expect(reaching).toBe(keySimilarity(a, b));
        if (1 - Math.abs(a.length - b.length) / Math.max(a.length, b.length) < min) pruned++;
      }
    }
    // The length bound does prune (else the test says nothing about it).
    expect(pruned).toBeGreaterThan(1000);
    expect(similarityReaching(null, 'abc', 0.5)).toBeLessThan(0.5);
  });
});
