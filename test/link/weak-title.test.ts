// A decision whose ansökan names the insats more fully (title similarity between MIN_LINK_TITLE
// and STRONG_LINK_TITLE) still links when owner, partners and period all agree: the owner lookup
// finds it, though the period lookup keeps only strong titles (issue 12).
import { keySimilarity, MIN_LINK_TITLE, STRONG_LINK_TITLE } from '../../pipeline/link.js';
import { matchKey } from '../../db/queries/keys.js';
import { corpusText, docOf, TempArchive } from './fixtures.js';

const TITLE = 'Språk och arbete i Gottsunda';
const LONGER = 'Språk och arbete i Gottsunda centrum för nyanlända';

describe('a weakly similar title with every support', () => {
  const archive = new TempArchive();
  afterAll(() => archive.remove());

  it('links through the owner lookup', async () => {
    const sim = keySimilarity(matchKey(TITLE), matchKey(LONGER));
    expect(sim).toBeGreaterThanOrEqual(MIN_LINK_TITLE);
    expect(sim).toBeLessThan(STRONG_LINK_TITLE);
    const summary = await archive.ingest(['pair-03-dec.txt'], { 'weak-app.txt': corpusText('pair-03-app.txt').split(TITLE).join(LONGER) });
    expect(summary.rejected).toBe(0);
    const out = await archive.export();
    const dec = docOf(out, 'pair-03-dec.txt');
    const app = docOf(out, 'weak-app.txt');
    expect(app.title).toBe(LONGER);
    expect(out.cases).toEqual([expect.objectContaining({ decision: dec.id, application: app.id })]);
  });
});
