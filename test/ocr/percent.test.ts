import { placeWords, restorePercentSigns } from '../../pipeline/ocr/words.js';

// Words and confidences as tesseract (swe) returned them on generated 300 dpi scans.
const page = (pairs: [string, number][], text: string) => {
  const words = placeWords(text, pairs.map(([t, c]) => ({ text: t, confidence: c * 100, bbox: { x0: 0, y0: 0, x1: 1, y1: 1 } })));
  return { text, words };
};

describe('restorePercentSigns', () => {
  it('reads "en arbetsmarknadskonsulent på 100 246 samt en projektledare på 25\\n20." with "%" back', () => {
    const { text, words } = page(
      [['en', 0.96], ['arbetsmarknadskonsulent', 0.95], ['på', 0.96], ['100', 0.96], ['246', 0.76], ['samt', 0.96], ['en', 0.96], ['projektledare', 0.96], ['på', 0.96], ['25', 0.96], ['20.', 0.62], ['Förväntat', 0.95]],
      'en arbetsmarknadskonsulent på 100 246 samt en projektledare på 25\n20. Förväntat',
    );
    const out = restorePercentSigns(text, words);
    expect(out.text).toBe('en arbetsmarknadskonsulent på 100 % samt en projektledare på 25\n%. Förväntat');
    expect(out.words.every((w) => out.text.slice(w.span[0], w.span[1]) === w.text)).toBe(true);
  });

  it('mends "hälsopedagog pa 75 246." at a sentence end', () => {
    const { text, words } = page([['hälsopedagog', 0.9], ['pa', 0.9], ['75', 0.96], ['246.', 0.69], ['Sandvikens', 0.96]], 'hälsopedagog pa 75 246. Sandvikens');
    expect(restorePercentSigns(text, words).text).toBe('hälsopedagog pa 75 %. Sandvikens');
  });

  it('mends "språkcoacher på 50 246 vardera." (0.85) and "arbetsterapeut på 50 960." (0.75)', () => {
    const a = page([['språkcoacher', 0.92], ['på', 0.96], ['50', 0.96], ['246', 0.85], ['vardera.', 0.96]], 'språkcoacher på 50 246 vardera.');
    expect(restorePercentSigns(a.text, a.words).text).toBe('språkcoacher på 50 % vardera.');
    const b = page([['arbetsterapeut', 0.96], ['på', 0.96], ['50', 0.96], ['960.', 0.75], ['Ansökan', 0.95]], 'arbetsterapeut på 50 960. Ansökan');
    expect(restorePercentSigns(b.text, b.words).text).toBe('arbetsterapeut på 50 %. Ansökan');
  });

  it('keeps confident numbers and amounts: "på 96 000 kronor", "deltagare 20 20", "på 100 246 000"', () => {
    for (const [pairs, text] of [
      [[['på', 0.96], ['96', 0.96], ['000', 0.96], ['kronor', 0.96]], 'på 96 000 kronor'],
      [[['på', 0.96], ['20', 0.96], ['20', 0.96], ['Summa', 0.96]], 'på 20 20 Summa'],
      [[['på', 0.96], ['100', 0.96], ['246', 0.7], ['000', 0.9]], 'på 100 246 000'],
      [[['Summa', 0.96], ['75', 0.96], ['24', 0.7], ['kr', 0.9]], 'Summa 75 24 kr'],
    ] as [[string, number][], string][]) {
      const { text: t, words } = page(pairs, text);
      expect(restorePercentSigns(t, words).text).toBe(t);
    }
  });
});
