import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DocumentText, rawSlice } from '../../extractors/document-text.js';
import { damageText, fold, loadRepairer, type Repairer } from '../../pipeline/repair/index.js';
import { WORD, loadLexicon } from '../../pipeline/repair/lexicon.js';
import type { Page } from '../../pipeline/source-file.js';
import { restore } from '../../scripts/commands/restore.js';

const DOCS = join(process.cwd(), 'corpus', 'documents');
const seed = (prefix: string) => readFileSync(join(DOCS, readdirSync(DOCS).find((f) => f.startsWith(prefix))!), 'utf8');

let repairer: Repairer;
beforeAll(async () => {
  repairer = await loadRepairer();
});
const fix = (s: string) => repairer.repair(s).text;

describe('repairs what an English OCR model did to Swedish', () => {
  it.each([
    ['Alvkarleby', 'Älvkarleby'],
    ['ALVKARLEBY', 'ÄLVKARLEBY'],
    ['ansdkan', 'ansökan'],
    ['férbundet', 'förbundet'],
    ['Arbetsféormedlingen', 'Arbetsförmedlingen'],
    ['dven', 'även'],
    ['6ka', 'öka'],
    ['I6ptid', 'löptid'],
    ['Forstarkt stod till arbete & studier', 'Förstärkt stöd till arbete & studier'],
    ['Forsakringskassan', 'Försäkringskassan'],
    ['samordningsforbundet', 'samordningsförbundet'],
    ['arbetsmarknadsstodjare', 'arbetsmarknadsstödjare'],
  ])('reads "%s" as "%s"', (damaged, expected) => {
    expect(fix(damaged)).toBe(expected);
  });

  it('chooses år or är by context: "per ar" → "per år", "det ar" → "det är"', () => {
    expect(fix('Att minst 15 individer deltar i insatsen per ar.')).toBe('Att minst 15 individer deltar i insatsen per år.');
    expect(fix('Syftet ar att ge stod for att na arbete.')).toBe('Syftet är att ge stöd för att nå arbete.');
  });

  it('reads a rare neighbour by its ending: "och fortsatta smittskyddsatgarder" keeps the adjective before a plural noun', () => {
    expect(fix('sjukdomen covid-19 och fortsatta smittskyddsatgarder under sommaren')).toBe('sjukdomen covid-19 och fortsatta smittskyddsåtgärder under sommaren');
  });

  it('weighs the words two away: "Om foraldrarna anda valjer" → "ändå", not "ända"', () => {
    expect(fix('Om foraldrarna anda valjer att vara hemma')).toBe('Om föräldrarna ändå väljer att vara hemma');
  });

  it('prefers a whole word one OCR confusion away to a made-up compound: "fareslas" → "föreslås", not "fares|lås"', () => {
    expect(fix('I promemorian fareslas lagandringar')).toBe('I promemorian föreslås lagändringar');
  });

  it('keeps a roman numeral in capitals: "Solvens II-direktivet" does not become "I-direktivet"', () => {
    expect(fix('andringar i Solvens II-direktivet med anledning av')).toBe('ändringar i Solvens II-direktivet med anledning av');
  });

  it('keeps the é of a long compound part: "ministerkommitten" → "ministerkommittén"', () => {
    expect(fix('Europaradets ministerkommitten har antagit')).toBe('Europarådets ministerkommittén har antagit');
  });

  it('never trades away an å, ä or ö the text already has ("Jobbspåret", "tf. förbundschef")', () => {
    expect(fix('Insatsen Jobbspåret i Östhammar, kontakt Anna Sandén, tf. förbundschef')).toBe('Insatsen Jobbspåret i Östhammar, kontakt Anna Sandén, tf. förbundschef');
    expect(fix('JOBBSPÅRET')).toBe('JOBBSPÅRET');
  });

  it('spells a name inside a line as written but for its diacritics ("Martina Apell"), while organisations are still mended', () => {
    expect(fix('Samverkanspart (namnfortydligande) | Martina Apell')).toBe('Samverkanspart (namnförtydligande) | Martina Apell');
    expect(fix('Organisation: Arbetsféormedlingen')).toBe('Organisation: Arbetsförmedlingen');
  });

  it('reads "for" as "för" and "pa" as "på" in stripped text', () => {
    expect(fix('rutiner for samverkan pa individniva')).toBe('rutiner för samverkan på individnivå');
  });

  it('reads a lone bar at the start of a sentence as "I": "| dagslaget"', () => {
    expect(fix('| dagslaget saknar kommunen resurser. | samverkan kan vi mer')).toBe('I dagsläget saknar kommunen resurser. I samverkan kan vi mer');
  });

  it('keeps the bars of a table row', () => {
    expect(fix('| namn | belopp |')).toBe('| namn | belopp |');
  });

  it('keeps e-mail addresses and web addresses as written', () => {
    const line = 'Kontakt: anna.segander@alvkarleby.se eller www.alvkarleby.se/forbundet';
    expect(fix(line)).toBe(line);
  });

  it('gives seed 003 (an English-OCR application) back its names', () => {
    const text = fix(seed('003_'));
    for (const s of ['Förstärkt stöd till arbete & studier', 'Älvkarleby kommun', 'Försäkringskassan', 'Arbetsförmedlingen', 'I dagsläget']) {
      expect(text).toContain(s);
    }
  });
});

describe('keeps what is right', () => {
  it('changes no word of a correctly spelt seed decision that the lexicon knows', async () => {
    const lexicon = await loadLexicon();
    for (const prefix of ['000_', '001_', '002_', '004_']) {
      const text = seed(prefix);
      const { repairs } = repairer.repair(text);
      const known = repairs.filter((r) => lexicon.lookup(fold(r.from)).some((f) => f.flags & WORD && f.form.toLowerCase() === r.from.toLowerCase()));
      expect(known).toEqual([]);
      expect(repairs.length).toBeLessThanOrEqual(2);
    }
  });

  it('keeps the line structure exactly: \\r\\n, empty lines, trailing newline', () => {
    const input = 'Forstarkt stod\r\n\r\nper ar\n\n| dagslaget\n';
    const out = fix(input);
    expect(out.split('\n').length).toBe(input.split('\n').length);
    expect(out).toBe('Förstärkt stöd\r\n\r\nper år\n\nI dagsläget\n');
  });

  it('keeps every line of a damaged seed in place', () => {
    const input = damageText(seed('001_'), 7, 'ocr');
    const out = fix(input);
    const a = input.split('\n');
    const b = out.split('\n');
    expect(b.length).toBe(a.length);
    b.forEach((line, i) => expect(line.trim() === '').toBe(a[i].trim() === ''));
  });
});

describe('repairs map back to the raw text', () => {
  it('returns sorted, non-overlapping repairs whose spans point at from/to', () => {
    const raw = 'Organisation: Arbetsféormedlingen och Forsakringskassan, I6ptid 6ka per ar.';
    const { text, repairs } = repairer.repair(raw);
    let last = -1;
    for (const r of repairs) {
      expect(r.span[0]).toBeGreaterThan(last);
      last = r.span[1];
      expect(text.slice(r.span[0], r.span[1])).toBe(r.to);
      expect(raw.slice(r.rawSpan[0], r.rawSpan[1])).toBe(r.from);
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('lets DocumentText evidence show the raw words behind a repaired span', () => {
    const raw = 'Insatsens namn\nForstarkt stod till arbete & studier\nOrganisation: Arbetsféormedlingen\n';
    const { text, repairs } = repairer.repair(raw);
    const page: Page = { n: 1, text, raw, origin: 'pdf-text', confidence: null, repairs };
    const doc = new DocumentText([page]);
    const title = 'Förstärkt stöd till arbete & studier';
    const at = doc.text.indexOf(title);
    expect(doc.evidence(at, at + title.length, 'test', 1).raw).toBe('Forstarkt stod till arbete & studier');
    const org = doc.text.indexOf('Arbetsförmedlingen');
    expect(rawSlice(page, org, org + 'Arbetsförmedlingen'.length)).toBe('Arbetsféormedlingen');
  });
});

describe('damageText', () => {
  const text = 'Förstärkt stöd i Älvkarleby. I dagsläget ska löptiden öka för året.\nFörsäkringskassan\n';

  it('is deterministic for a seed and differs between seeds', () => {
    expect(damageText(text, 42, 'ocr')).toBe(damageText(text, 42, 'ocr'));
    const variants = new Set([1, 2, 3, 4, 5].map((s) => damageText(text, s, 'ocr')));
    expect(variants.size).toBeGreaterThan(1);
  });

  it("'strip' removes the diacritics and nothing else", () => {
    expect(damageText(text, 1, 'strip')).toBe('Forstarkt stod i Alvkarleby. I dagslaget ska loptiden oka for aret.\nForsakringskassan\n');
  });

  it("'ocr' keeps the lines and leaves no å/ä/ö", () => {
    const out = damageText(text, 3, 'ocr');
    expect(out.split('\n').length).toBe(text.split('\n').length);
    expect(out).not.toMatch(/[åäöÅÄÖ]/);
  });
});

describe('restore command', () => {
  it('writes the repaired text with the same lines and nothing else', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (c: Buffer) => (written += c.toString('utf8')));
    input.end('Forstarkt stod i Alvkarleby kommun\r\nper ar\n');
    await restore(input, output);
    expect(written).toBe('Förstärkt stöd i Älvkarleby kommun\r\nper år\n');
  });
});

describe('English text', () => {
  it('leaves an English paragraph as written ("for", "far", "hall" stay)', () => {
    const text = 'The board has decided that the funds for the project will be used for the hall. This is far from the end of the work with the partners.';
    expect(fix(text)).toBe(text);
  });
});
