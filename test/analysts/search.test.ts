import { sql } from 'kysely';
import { search, locateMatch, parseQuery } from '../../db/queries/search.js';
import { archiveWith, seedText, value, type TestArchive } from './fixture.js';

describe('search', () => {
  let a: TestArchive;
  beforeAll(async () => {
    a = await archiveWith([
      { path: 'in/000.txt', kind: 'decision', pages: [seedText('000')], fields: { municipalities: value(['Älvkarleby'], 'Älvkarleby'), period: value({ start: '2021-04-01', end: '2021-12-31' }, '1 april 2021 till 31 december 2021') } },
      { path: 'in/001.txt', kind: 'decision', pages: [seedText('001')], fields: { municipalities: value(['Knivsta'], 'Knivsta'), period: value({ start: '2018-01-01', end: '2021-12-31' }, '2018-01-01 till 2021-12-31') } },
      // Two pages: the second page holds the only "Försäkringskassan" of this document.
      { path: 'in/two-pages.txt', kind: 'application', pages: ['Ansökan om medel\nInsatsens namn: Lotsen', 'Samverkande parter: Försäkringskassan och Arbetsförmedlingen'] },
    ]);
  });
  afterAll(() => a.close());

  it('finds "Försäkringskassan" when asked for "forsakringskassan"', async () => {
    const hits = await search(a.db, 'forsakringskassan');
    expect(hits.map((h) => h.file).sort()).toEqual(['in/001.txt', 'in/two-pages.txt']);
    expect(hits[0].snippet).toMatch(/«Försäkringskassan»/);
  });

  it('finds "Samordningsförbundet" when asked for "samordningsforbundet"', async () => {
    const hits = await search(a.db, 'samordningsforbundet');
    expect(hits.map((h) => h.file)).toContain('in/000.txt');
    expect(hits.every((h) => /«Samordningsförbundet/i.test(h.snippet))).toBe(true);
  });

  it('finds the compound "flerpartssamverkan" when asked for "samverkan"', async () => {
    const hits = await search(a.db, 'samverkan');
    const seed000 = hits.find((h) => h.file === 'in/000.txt');
    expect(seed000).toBeDefined();
    expect(seed000!.match).toBe('word'); // its title line "Samverkan - implementering ..." is a word match
    const compoundOnly = await search(a.db, 'partssamverkan');
    expect(compoundOnly.map((h) => h.file)).toEqual(['in/000.txt']);
    expect(compoundOnly[0].match).toBe('compound');
    expect(compoundOnly[0].snippet).toMatch(/fler«partssamverkan»/i);
  });

  it('gives the page of the hit and its span in that page', async () => {
    const [hit] = await search(a.db, 'arbetsformedlingen');
    expect(hit.file).toBe('in/two-pages.txt');
    expect(hit.page).toBe(2);
    const page2 = 'Samverkande parter: Försäkringskassan och Arbetsförmedlingen';
    expect(page2.slice(hit.span[0], hit.span[1])).toBe('Arbetsförmedlingen');
  });

  it('filters by kind, year and kommun (diacritics ignored)', async () => {
    expect((await search(a.db, 'forsakringskassan', { kind: 'application' })).map((h) => h.file)).toEqual(['in/two-pages.txt']);
    expect((await search(a.db, 'ansokan', { year: 2021 })).map((h) => h.file)).toEqual(['in/000.txt']);
    expect((await search(a.db, 'ansokan', { municipality: 'alvkarleby' })).map((h) => h.file)).toEqual(['in/000.txt']);
    expect(await search(a.db, 'ansokan', { municipality: 'Uppsala' })).toEqual([]);
  });

  it('ranks by bm25 and matches inflections by prefix: "insats" finds "insatsen"', async () => {
    const hits = await search(a.db, 'insats');
    expect(hits.length).toBeGreaterThanOrEqual(2);
    const scores = hits.filter((h) => h.score !== null).map((h) => h.score!);
    expect([...scores].sort((x, y) => x - y)).toEqual(scores);
  });

  it('drops a document from the index when it is deleted, and the index stays consistent', async () => {
    const before = await search(a.db, 'lotsen');
    expect(before).toHaveLength(1);
    await a.db.deleteFrom('documents').where('id', '=', before[0].id).execute();
    expect(await search(a.db, 'lotsen')).toEqual([]);
    await sql`insert into documents_fts(documents_fts) values ('integrity-check')`.execute(a.db);
    await sql`insert into documents_trigram(documents_trigram) values ('integrity-check')`.execute(a.db);
  });
});

describe('query and page mapping', () => {
  it('reads words, prefixes and "quoted phrases", folding diacritics', () => {
    expect(parseQuery('Försäkringskassan "till beslut" insats*')).toEqual([
      { text: 'forsakringskassan', phrase: false, prefix: false },
      { text: 'till beslut', phrase: true, prefix: false },
      { text: 'insats', phrase: false, prefix: true },
    ]);
  });

  it('maps a match on the first page through the document start offset', () => {
    expect(locateMatch('ab \u0002cd\u0003 ef', 3, 100)).toMatchObject({ page: 3, span: [103, 105], snippet: 'ab «cd» ef' });
    expect(locateMatch('ab\n\f\nxy\n\f\nq \u0002cd\u0003', 3, 100)).toMatchObject({ page: 5, span: [2, 4] });
  });
});
