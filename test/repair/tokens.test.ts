import { protectedRanges } from '../../pipeline/repair/tokens.js';

const chunks = (text: string) => protectedRanges(text).map(([a, b]) => text.slice(a, b));

describe('protectedRanges', () => {
  it('protects whole whitespace-delimited chunks holding an address, a URL, a path or a file name, and nothing else', () => {
    const text = 'Kontakt: anna.berg@alvkarleby.se, se https://www.samordning.se/ansokan eller\nG:/Ansokningar/2021/ansokan.docx. Slut. ärendet.pdf\tok';
    expect(chunks(text)).toEqual(['anna.berg@alvkarleby.se,', 'https://www.samordning.se/ansokan', 'G:/Ansokningar/2021/ansokan.docx.', 'ärendet.pdf']);
  });

  it('leaves sentences and abbreviations alone, however long the words', () => {
    const word = 'samverkans'.repeat(2000);
    expect(chunks(`Beslut t.ex. ${word}. Insatsen/projektet pågår.`)).toEqual([]);
    expect(chunks(`${word}/${word}/x`)).toEqual([`${word}/${word}/x`]);
  });
});
