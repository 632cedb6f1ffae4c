// Lists of parties as scans and PDFs wrap them over lines.
import { findPartners } from '../../../extractors/decision/parties.js';

describe('findPartners with a wrapped co-applicant list', () => {
  it('reads "ansöker tillsammans med Orsa kommun, Älvdalens kommun,\\nRegion Dalarna och Arbetsförmedlingen om medel" (a scanned decision)', () => {
    const text = 'Mora kommun är insatsägare och ansöker tillsammans med Orsa kommun, Älvdalens kommun,\nRegion Dalarna och Arbetsförmedlingen om medel för en insats.';
    expect(findPartners(text, 'Mora kommun').map((p) => p.value)).toEqual(['Orsa kommun', 'Älvdalens kommun', 'Region Dalarna', 'Arbetsförmedlingen']);
  });
});
