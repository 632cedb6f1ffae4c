import { KOMMUNER, canonicalMunicipality, canonicalOrganisation, findOrganisations, foldSwedish } from '../../../extractors/common/index.js';

describe('foldSwedish', () => {
  it('folds diacritics and keeps the length', () => {
    expect(foldSwedish('Älvkarlebys Östhammar Arbetsféormedlingen')).toBe('alvkarlebys osthammar arbetsfeormedlingen');
    expect(foldSwedish('Åsa').length).toBe(3);
  });

  it('folds each unit to one unit (a unit whose lower case is two keeps its base) and keeps a surrogate pair whole', () => {
    expect(foldSwedish('İSTANBUL ǅ 😀 Ü')).toBe('istanbul ǆ 😀 u');
    expect(foldSwedish('\ud800A')).toBe('\ud800A');
  });

  it('folds a long text the same whether it was folded before or not', () => {
    const a = 'Ansökan från Östhammars kommun. '.repeat(20);
    const b = 'ANSÖKAN FRÅN ÄLVKARLEBY KOMMUN. '.repeat(20);
    const first = [foldSwedish(a), foldSwedish(b)];
    for (const text of [b, a, b, a.slice(1), a]) foldSwedish(text);
    expect([foldSwedish(a), foldSwedish(b)]).toEqual(first);
    expect(first[1]).toBe('ansokan fran alvkarleby kommun. '.repeat(20));
  });
});

describe('canonicalOrganisation', () => {
  it.each([
    ['Forsakringskassan', 'Försäkringskassan'],
    ['Försäkrningskassan', 'Försäkringskassan'],
    ['Arbetsféormedlingen', 'Arbetsförmedlingen'],
    ['Region Uppsala', 'Region Uppsala'],
    ['Landstinget i Uppsala län', 'Region Uppsala'],
    ['Alvkarleby kommun', 'Älvkarleby kommun'],
    ['Tierps kommun', 'Tierps kommun'],
    ['Osthammars kommun', 'Östhammars kommun'],
    ['Stockholms läns landsting', 'Region Stockholm'],
  ])('reads "%s" as %s', (name, canonical) => {
    expect(canonicalOrganisation(name)).toBe(canonical);
  });

  it('finds nothing for words that are not organisations', () => {
    expect(canonicalOrganisation('lokusgruppen')).toBeNull();
  });
});

describe('canonicalMunicipality', () => {
  it.each([
    ['Älvkarlebys', 'Älvkarleby'],
    ['Tierps', 'Tierp'],
    ['Osthammars', 'Östhammar'],
    ['Knivsta kommun', 'Knivsta'],
    ['Heby', 'Heby'],
  ])('reads "%s" as %s', (name, canonical) => {
    expect(canonicalMunicipality(name)).toBe(canonical);
  });

  it('knows all 290 kommuner', () => {
    expect(new Set(KOMMUNER.map((k) => k.name)).size).toBe(290);
  });
});

describe('findOrganisations', () => {
  it('lists the applicants of "X, Y och Z ansöker om medel"', () => {
    const text = 'Knivsta kommun, Arbetsförmedlingen, Försäkringskassan och Region Uppsala ansöker om medel';
    expect(findOrganisations(text).map((o) => o.name)).toEqual(['Knivsta kommun', 'Arbetsförmedlingen', 'Försäkringskassan', 'Region Uppsala']);
  });

  it('reads OCR-damaged names and skips bare place names', () => {
    const text = 'Lokusgruppen i Älvkarleby, Arbetsféormedlingen och Forsakringskassan';
    expect(findOrganisations(text).map((o) => o.name)).toEqual(['Arbetsförmedlingen', 'Försäkringskassan']);
  });
});

describe('findOrganisations across a wrapped line', () => {
  it('reads "Försäkringskassan och Region\\nUppsala lämnat in" (a scanned decision) as Region Uppsala', () => {
    const names = findOrganisations('tillsammans med Arbetsförmedlingen, Försäkringskassan och Region\nUppsala lämnat in en ansökan').map((o) => o.name);
    expect(names).toEqual(['Arbetsförmedlingen', 'Försäkringskassan', 'Region Uppsala']);
  });

  it('never joins names across a blank line or a list of one name per line', () => {
    expect(findOrganisations('Region\n\nUppsala').map((o) => o.name)).not.toContain('Region Uppsala');
    expect(findOrganisations('Arbetsförmedlingen\nFörsäkringskassan').map((o) => o.name)).toEqual(['Arbetsförmedlingen', 'Försäkringskassan']);
  });
});
