// A kommun that has applied for hundreds of insatser (issue 12): the owner lookup may return only
// CANDIDATE_LIMIT rows, and those must be titles that could still link, not the first in the index.
import { CANDIDATE_LIMIT, similarityReaching, titleLengthWindow } from '../../pipeline/link.js';
import { docOf, TempArchive } from './fixtures.js';

describe('a popular owner', () => {
  const archive = new TempArchive();
  afterAll(() => archive.remove());

  it('links a decision to its ansökan by owner beyond CANDIDATE_LIMIT other ansökningar of that owner', async () => {
    await archive.ingest(['pair-06-app.txt']);
    const app = docOf(await archive.export(), 'pair-06-app.txt');
    // More ansökningar of the same owner than one lookup returns, whose short title keys sort
    // before this one's in the owner index ("a0000" < "arbetsnara…").
    await archive.open(async (db) => {
      const own = await db.selectFrom('documents').selectAll().where('id', '=', app.id).executeTakeFirstOrThrow();
      for (let i = 0; i <= CANDIDATE_LIMIT + 50; i++) {
        await db.insertInto('documents').values({ ...own, id: `${own.id}-other-${i}`, title_key: `a${String(i).padStart(4, '0')}` }).execute();
      }
      const crowd = await db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', 'application').where('owner_key', '=', own.owner_key).executeTakeFirstOrThrow();
      expect(Number(crowd.n)).toBeGreaterThan(CANDIDATE_LIMIT);
    });

    // "Arbetsnära rehabilitering i Heby" vs "Arbetsnära stöd i Heby": only the owner lookup finds it.
    await archive.ingest(['pair-06-dec.txt']);
    const out = await archive.export();
    const dec = docOf(out, 'pair-06-dec.txt');
    expect(out.cases).toEqual(expect.arrayContaining([expect.objectContaining({ decision: dec.id, application: app.id })]));
  });
});

describe('titleLengthWindow', () => {
  it('holds every key length whose difference alone leaves the similarity reachable', () => {
    for (const min of [0.5, 0.85]) {
      for (let length = 1; length <= 120; length++) {
        const [shortest, longest] = titleLengthWindow(length, min);
        const key = 'a'.repeat(length);
        for (let other = 1; other <= 300; other++) {
          // similarityReaching is 0 where the lengths rule the pair out; equal letters make the rest 1 - difference / longer.
          const reachable = similarityReaching(key, 'a'.repeat(other), min) >= min;
          if (reachable) expect([length, other, other >= shortest && other <= longest]).toEqual([length, other, true]);
        }
        // And it is a window, not everything: lengths far off are left out.
        expect(longest).toBeLessThan(Math.ceil(length / min) + 2);
        expect(shortest).toBeGreaterThan(Math.floor(min * length) - 2);
      }
    }
  });
});
