// A scanned decision as tesseract read it: the blank line between the Effektmål bullets and
// the next paragraph is lost from the text, but the word boxes still show the gap.
import { readFileSync } from 'node:fs';
import { DocumentText } from '../../../extractors/document-text.js';
import { extractDecision } from '../../../extractors/decision/index.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/ocr-jobbvagen-page.json', import.meta.url), 'utf8'));
const doc = new DocumentText([{ n: 1, text: fixture.raw, raw: fixture.raw, origin: 'ocr', confidence: 0.9, words: fixture.words }]);
const lineEnd = (before: string) => doc.text.indexOf(before) + before.length;

describe('paragraphs of an OCR page from its word boxes', () => {
  it('sees the lost paragraph gap in "… närmare arbetsmarknaden\\nAnsökan avser perioden"', () => {
    expect(doc.text).toContain('närmare arbetsmarknaden\nAnsökan avser');
    expect(doc.paragraphBreakAfter(lineEnd('närmare arbetsmarknaden'))).toBe(true);
  });

  it('sees no gap inside a wrapped sentence ("och Region\\nUppsala lämnat in")', () => {
    expect(doc.paragraphBreakAfter(lineEnd('Försäkringskassan och Region'))).toBe(false);
  });

  it('ends the last Effektmål bullet before "Ansökan avser perioden …"', () => {
    const goals = extractDecision(doc).fields.goals!.value.filter((g) => g.kind === 'effect').map((g) => g.text);
    expect(goals).toEqual([
      'minst 40 procent av deltagarna har gått vidare till arbete eller studier vid avslut',
      'minst 70 procent av deltagarna upplever att de har kommit närmare arbetsmarknaden',
    ]);
  });

  it('answers null for a text page, which has no word boxes', () => {
    expect(DocumentText.fromText('a\nB').paragraphBreakAfter(1)).toBeNull();
  });
});
