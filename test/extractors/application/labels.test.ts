import { readFileSync } from 'node:fs';
import { findFormLabel, findFormLabels } from '../../../extractors/application/labels.js';

const seed = readFileSync(new URL('../../../corpus/documents/003_d550e0da5d25c526.txt', import.meta.url), 'utf8');

describe('findFormLabel', () => {
  it('finds "Insatsägare (*)" where OCR wrote "Insatsagare (*)"', () => {
    const m = findFormLabel(seed, 'Insatsägare (*)');
    expect(m).not.toBeNull();
    expect(seed.slice(m!.start, m!.end)).toBe('Insatsagare (*)');
    expect(m!.score).toBeGreaterThan(0.95);
  });

  it('finds "Ansökan" read as "Ans6kan" and "Ansdkan"', () => {
    for (const text of ['Ans6kan\n', 'Ansdkan om medel\n', 'Ansékan\n']) expect(findFormLabel(text, 'Ansökan')?.start).toBe(0);
  });

  it('finds a label after a restored-diacritics repair and in clean text alike', () => {
    const text = 'x\nPlanerat slutdatum för intag av personer i insatsen: 2024-09-30\n';
    const m = findFormLabel(text, 'Planerat slutdatum for intag av personer i insatsen');
    expect(m?.start).toBe(2);
  });

  it('does not take "Planerat startdatum" for "Planerat slutdatum"', () => {
    const m = findFormLabel(seed, 'Planerat slutdatum');
    expect(seed.slice(m!.start, m!.end + 12)).toBe('Planerat slutdatum: 2024-12-31');
  });

  it('tolerates "|" for "I" and a dropped space: "Insatsens |6ptid" , "Samverkanspart(namnfortydligande)"', () => {
    expect(findFormLabel('Insatsens |6ptid: 2023-01-01\n', 'Insatsens löptid')).not.toBeNull();
    expect(findFormLabel('Samverkanspart(namnfortydligande) X\n', 'Samverkanspart (namnförtydligande)')).not.toBeNull();
  });

  it('does not match a different heading ("Beskriv syftet" is not "Beskriv målen")', () => {
    const all = findFormLabels(seed, 'Beskriv målen med insatsen (*)');
    expect(all.map((m) => seed.slice(m.start, m.end))).toEqual(['Beskriv malen med insatsen (*)']);
  });

  it('finds each of the four Underskrift blocks but not "Underskrifter"', () => {
    expect(findFormLabels(seed, 'Underskrift (*)')).toHaveLength(4);
  });
});
