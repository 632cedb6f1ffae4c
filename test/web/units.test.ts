import { parseCorrectionInput, CorrectionInputError } from '../../web/correction-input.js';
import { html } from '../../web/html.js';
import { rawSpanOf, wordsInSpan } from '../../web/source-view.js';
import type { OcrWord, Repair } from '../../pipeline/source-file.js';

describe('correction input', () => {
  it('reads "360 000 kr" for amount_sek as 360000', () => {
    expect(parseCorrectionInput('amount_sek', '360 000 kr')).toBe(360000);
    expect(parseCorrectionInput('amount_sek', '355000')).toBe(355000);
  });
  it('reads a period typed as "2021-04-01 – 2021-12-31", either end "?"', () => {
    expect(parseCorrectionInput('period', '2021-04-01 – 2021-12-31')).toEqual({ start: '2021-04-01', end: '2021-12-31' });
    expect(parseCorrectionInput('period', '2021-04-01 till ?')).toEqual({ start: '2021-04-01', end: null });
  });
  it('reads kommuner as a comma list and the Swedish outcome words', () => {
    expect(parseCorrectionInput('municipalities', 'Tierp, Älvkarleby')).toEqual(['Tierp', 'Älvkarleby']);
    expect(parseCorrectionInput('outcome', 'avslås')).toBe('rejected');
  });
  it('empties a field with an empty box, and refuses values the contract does not allow', () => {
    expect(parseCorrectionInput('owner', '  ')).toBeNull();
    expect(() => parseCorrectionInput('amount_sek', 'ungefär hälften')).toThrow(CorrectionInputError);
    expect(() => parseCorrectionInput('staffing', '[{"role":"processledare","percent":75}]')).toThrow(/count/);
    expect(parseCorrectionInput('staffing', '[{"role":"processledare","percent":75,"count":1}]')).toEqual([{ role: 'processledare', percent: 75, count: 1 }]);
  });
});

describe('source view', () => {
  // An OCR split repaired ("kom mun" → "kommun") shortens the text by one before later spans.
  const raw = 'Beslut i kom mun Tierp: maximalt 355 000 kronor';
  const text = 'Beslut i kommun Tierp: maximalt 355 000 kronor';
  const repairs: Repair[] = [{ span: [9, 15], rawSpan: [9, 16], from: 'kom mun', to: 'kommun', confidence: 0.9 }];

  it('carries a span of the repaired text back to the raw text through a shortening repair', () => {
    const at = text.indexOf('355 000 kronor');
    const [s, e] = rawSpanOf([at, at + '355 000 kronor'.length], repairs);
    expect(raw.slice(s, e)).toBe('355 000 kronor');
    const [ks, ke] = rawSpanOf([9, 15], repairs);
    expect(raw.slice(ks, ke)).toBe('kom mun');
  });

  it('finds the OCR words under "355 000 kronor" and no others', () => {
    const words: OcrWord[] = [];
    for (const m of raw.matchAll(/\S+/g)) words.push({ text: m[0], confidence: 0.9, bbox: [m.index! * 10, 0, (m.index! + m[0].length) * 10, 20], span: [m.index!, m.index! + m[0].length] });
    const at = text.indexOf('355');
    const hit = wordsInSpan(words, rawSpanOf([at, at + 14], repairs));
    expect(hit.map((w) => w.text)).toEqual(['355', '000', 'kronor']);
  });

  it('escapes document text put into a page', () => {
    const title = 'Insats <script>alert(1)</script> & "citat"';
    expect(html`<h1 title="${title}">${title}</h1>`.value).toBe('<h1 title="Insats &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;">Insats &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;</h1>');
  });
});
