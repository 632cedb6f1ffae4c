import { foldLine } from '../../pipeline/cues.js';

/** foldLine's definition: NFKD, combining accents dropped, lower case, then heading marks and emphasis dropped. */
const byDefinition = (line: string) => line.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/^[\s#>*_-]+/, '').replace(/[*_]+/g, '').trim();

describe('foldLine', () => {
  it('folds every Latin character, alone and next to every other, as NFKD does', () => {
    const differ: string[] = [];
    for (let a = 0; a < 0x250; a++) {
      for (let b = 0; b < 0x250; b += 7) {
        const line = `q${String.fromCharCode(a)}${String.fromCharCode(b)}Q`;
        if (foldLine(line) !== byDefinition(line)) differ.push(line);
      }
    }
    expect(differ).toEqual([]);
    expect(foldLine('## Förslag till **BESLUT**')).toBe('forslag till beslut');
    expect(foldLine('Ǆ ﬁ ¼ Ångermanälven')).toBe('dz fi 1⁄4 angermanalven');
  });

  it('folds text beyond Latin through NFKD itself (context-dependent lower case, combining marks of other scripts)', () => {
    for (const line of ['ΟΔΟΣ Ångest', 'a\u0308b\u05b0\u0591c', 'Försäkringskassan 株式会社 ㍿']) expect(foldLine(line)).toBe(byDefinition(line));
    expect(foldLine('ΟΔΟΣ')).toBe('οδος');
  });
});
