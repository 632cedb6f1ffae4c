import { dropSpecks, isSpeck, placeWords } from '../../pipeline/ocr/words.js';

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
