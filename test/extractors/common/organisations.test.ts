import { KOMMUNER, canonicalMunicipality, canonicalOrganisation, findOrganisations, foldSwedish } from '../../../extractors/common/index.js';

describe('foldSwedish', () => {
  it('folds diacritics and keeps the length', () => {
    expect(foldSwedish('Älvkarlebys Östhammar Arbetsféormedlingen')).toBe('alvkarlebys osthammar arbetsfeormedlingen');
    expect(foldSwedish('Åsa').length).toBe(3);
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
