import { dropSpecks, isSpeck, placeWords, wordsFromTsv } from '../../pipeline/ocr/words.js';

const w = (text: string, confidence: number) => ({ text, confidence, bbox: { x0: 0, y0: 0, x1: 1, y1: 1 } });

describe('dropSpecks', () => {
  const words = [
    w('44', 41), w('Lokussamordnare', 91), w('Älvkarleby', 96), w('HHH', 67), w('Förslag', 95), w('till', 96), w('beslut', 96), w('HAHA', 0),
    w('Förbundsstyrelsen', 90), w('föreslås', 96), w('besluta', 96), w('AF', 93), w('150', 96),
  ];
  const text = '44 Lokussamordnare Älvkarleby HHH Förslag till beslut HAHA\nFörbundsstyrelsen föreslås besluta AF 150\n';

  it('removes doubtful capital-only specks around a heading and keeps lines, real capitals and numbers', () => {
    const out = dropSpecks(text, words);
    expect(out.text).toBe('Lokussamordnare Älvkarleby Förslag till beslut\nFörbundsstyrelsen föreslås besluta AF 150\n');
    expect(out.words.map((x) => x.text)).not.toContain('HHH');
    const placed = placeWords(out.text, out.words);
    expect(placed.every((p, i) => out.text.slice(p.span[0], p.span[1]) === out.words[i].text)).toBe(true);
  });

  it('never drops a word with lower-case letters, however doubtful', () => {
    expect(isSpeck(w('Lökusgruppen', 12))).toBe(false);
    expect(isSpeck(w('SIP', 88))).toBe(false);
    expect(isSpeck(w('KE', 60))).toBe(true);
  });
});

describe('wordsFromTsv', () => {
  // tesseract's TSV: page, block, paragraph and line rows (confidence -1) around the word rows.
  const tsv = [
    '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
    '2\t1\t1\t0\t0\t0\t210\t300\t900\t80\t-1\t',
    '3\t1\t1\t1\t0\t0\t210\t300\t900\t80\t-1\t',
    '4\t1\t1\t1\t1\t0\t210\t300\t900\t40\t-1\t',
    '5\t1\t1\t1\t1\t1\t210\t300\t180\t40\t95.684784\tFörslag',
    '5\t1\t1\t1\t1\t2\t400\t302\t60\t38\t49.990002\ttill',
    '5\t1\t1\t1\t1\t3\t470\t301\t130\t39\t0.000000\tÄlvkarleby',
    '',
  ].join('\n');

  it('reads the word rows with boxes as corners and whole-number confidences, and nothing else', () => {
    expect(wordsFromTsv(tsv)).toEqual([
      { text: 'Förslag', confidence: 95, bbox: { x0: 210, y0: 300, x1: 390, y1: 340 } },
      { text: 'till', confidence: 49, bbox: { x0: 400, y0: 302, x1: 460, y1: 340 } },
      { text: 'Älvkarleby', confidence: 0, bbox: { x0: 470, y0: 301, x1: 600, y1: 340 } },
    ]);
    expect(wordsFromTsv('')).toEqual([]);
  });
});
