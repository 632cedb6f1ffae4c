import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyDocument, detectLanguage, documentId, findDocumentStarts, splitDocuments } from '../../pipeline/split.js';
import { createSourceFile, type Page } from '../../pipeline/source-file.js';
import { searchWords } from '../../db/search-words.js';
import { defaultPipelineOptions } from '../../pipeline/stage.js';
import { createServices } from '../../pipeline/services.js';

const corpus = resolve(fileURLToPath(import.meta.url), '../../../corpus/documents');
const seed = (n: string) => readFileSync(join(corpus, `${n}.txt`), 'utf8');
const page = (n: number, text: string): Page => ({ n, text, raw: text, origin: 'ocr', confidence: 0.9 });
const ctx = { signal: new AbortController().signal, options: defaultPipelineOptions, services: createServices() };

async function split(pages: Page[]) {
  const file = createSourceFile({ path: 'bundle.pdf', sha256: 'ab'.repeat(32), size: 1, bytes: Buffer.alloc(0) });
  file.pages = pages;
  await splitDocuments(file, ctx);
  return file.documents;
}

describe('splitDocuments', () => {
  it('splits a scanned bundle of two decisions into two documents with their page ranges', async () => {
    const docs = await split([page(1, seed('002_338f5d121b4b992d')), page(2, seed('004_21163c449da429ab'))]);
    expect(docs.map((d) => [d.kind, d.pages])).toEqual([['decision', [1, 1]], ['decision', [2, 2]]]);
    expect(docs[1].text).toContain('Nya vägar för samverkan');
    expect(docs[0].text).not.toContain('Nya vägar för samverkan');
    // Each part's compound-search words come with it (made in the stage thread, not at store).
    for (const d of docs) expect(d.searchWords).toBe(searchWords(d.text));
    expect(docs[1].searchWords).toContain('samverkan');
  });

  it('finds a decision start behind scanner specks and splits even when the first page lost its cue', async () => {
    const first = seed('002_338f5d121b4b992d').replace('### Förslag till beslut', 'HH Förslag till beslut -').replace(/^\s*## /m, '44 ');
    const second = seed('004_21163c449da429ab').replace('Förslag till beslut', 'SS Förslag till beslut.');
    const docs = await split([page(1, first), page(2, second)]);
    expect(docs.map((d) => [d.kind, d.pages])).toEqual([['decision', [1, 1]], ['decision', [2, 2]]]);
  });

  it('keeps a multi-page application whose later pages repeat "Insatsens namn" as one document', async () => {
    const text = seed('003_d550e0da5d25c526');
    const cut = text.indexOf(' Insatsens namn\nForstarkt');
    const docs = await split([page(1, text.slice(0, cut)), page(2, text.slice(cut))]);
    expect(docs.map((d) => [d.kind, d.pages])).toEqual([['application', [1, 2]]]);
  });

  it('starts a new document where a decision is followed by its application on the next page', async () => {
    const docs = await split([page(1, seed('000_bf5909d8c7ddf687')), page(2, seed('003_d550e0da5d25c526'))]);
    expect(docs.map((d) => [d.kind, d.pages])).toEqual([['decision', [1, 1]], ['application', [2, 2]]]);
  });

  it('splits two decisions run together in one text page at the second title', () => {
    const a = seed('002_338f5d121b4b992d');
    const b = seed('004_21163c449da429ab');
    const starts = findDocumentStarts([page(1, `${a}\n\n${b}`)]);
    expect(starts).toHaveLength(2);
    expect(`${a}\n\n${b}`.slice(starts[1].offset)).toMatch(/^\s*Nya vägar för samverkan/);
  });

  it('does not split a tjänsteskrivelse whose "Tjänsteskrivelse" heading stands a few lines above "Förslag till beslut"', () => {
    const text = 'Tjänsteskrivelse\n2023-05-02\nDnr 2023/14\n\nStöd i arbete Heby\n\nFörslag till beslut\n\natt bevilja 200 000 kr';
    expect(findDocumentStarts([page(1, text)])).toHaveLength(1);
  });

  it('makes each deciding § of board minutes a decision and the minutes as a whole "other"', async () => {
    const text = seed('min-01_forbundsstyrelsen-2022-03-18');
    const pages = text.split('\f').map((t, i) => page(i + 1, t));
    const docs = await split(pages);
    expect(docs.filter((d) => d.kind === 'decision').length).toBeGreaterThanOrEqual(2);
    expect(docs[0]).toMatchObject({ kind: 'other', pages: [1, pages.length] });
  });
});

describe('classifyDocument and detectLanguage', () => {
  it('classifies the seeds, including the application as bad OCR left it', () => {
    expect(classifyDocument(seed('000_bf5909d8c7ddf687'))).toBe('decision');
    expect(classifyDocument(seed('003_d550e0da5d25c526'))).toBe('application');
    expect(classifyDocument('Kallelse till årsmöte i föreningen. Välkomna!')).toBe('other');
  });

  it('reads Swedish even when å, ä and ö were lost', () => {
    expect(detectLanguage(seed('003_d550e0da5d25c526'))).toBe('swe');
    expect(detectLanguage('The board decided to grant the application for the project in full, subject to the conditions.')).toBe('eng');
    expect(detectLanguage('kort')).toBe('und');
  });

  it('takes Swedish prose by its function words, and leaves English or Norwegian that names Swedish bodies to franc', () => {
    expect(detectLanguage(seed('000_bf5909d8c7ddf687'))).toBe('swe');
    const english = 'The coordination association funds joint work of Försäkringskassan och Arbetsförmedlingen. '
      + 'The board decided to grant the application for the project in full, subject to the conditions set out in the decision. '
      + 'Reports are due each year and the project is evaluated by an external party before it ends.';
    expect(detectLanguage(english)).toBe('eng');
    const norwegian = 'Styret har besluttet å innvilge søknaden om midler til prosjektet. Det er viktig at tiltaket ikke stopper opp, '
      + 'og at deltakerne får hjelp til å komme i arbeid. Kommunen og Nav skal samarbeide om oppfølgingen av deltakerne gjennom hele året.';
    expect(detectLanguage(norwegian)).not.toBe('swe');
  });

  it('derives ids from the sha256 and the page range, not from a counter', () => {
    expect(documentId('ab'.repeat(32), 2, 3, 0)).toBe('abababababab-p2-3');
    expect(documentId('ab'.repeat(32), 1, 1, 250)).toBe('abababababab-p1-1-o250');
  });
});
