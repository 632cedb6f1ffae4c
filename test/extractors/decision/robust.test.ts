// Phrasings from decisions of other förbund (corpus dec-10 … dec-13, the tune split) that the
// extractor first missed: each test pins one general rule, not a corpus file.
import { findParticipantsTotal, findPeriods, findStaffing, perYear } from '../../../extractors/common/index.js';
import { DocumentText } from '../../../extractors/document-text.js';
import { extractDecision } from '../../../extractors/decision/index.js';
import { findSections } from '../../../extractors/decision/sections.js';

const extract = (text: string) => extractDecision(DocumentText.fromText(text)).fields;

const staffing = (text: string) => findStaffing(text).map(({ role, percent, count }) => ({ role, percent, count }));

describe('staffing phrasings', () => {
  it('reads "två coacher på heltid och en projektledare (50 %)"', () => {
    expect(staffing('I insatsen arbetar två coacher på heltid och en projektledare (50 %).')).toEqual([
      { role: 'coach', percent: 100, count: 2 },
      { role: 'projektledare', percent: 50, count: 1 },
    ]);
  });

  it('reads "1,5 tjänst som jobbcoach" as one post line of 150 %', () => {
    expect(staffing('Insatsen bemannas med 1,5 tjänst som jobbcoach, förlagd till arbetsmarknadsenheten.')).toEqual([
      { role: 'jobbcoach', percent: 150, count: 1 },
    ]);
  });

  it('reads roles outside the word list by their agent suffix ("en brobyggare på 100 %")', () => {
    expect(staffing('Insatsen bemannas med en brobyggare på 100 % som arbetar uppsökande.')).toEqual([{ role: 'brobyggare', percent: 100, count: 1 }]);
    expect(staffing('Insatsen bemannas med en arbetsmarknadsstödjare på 100 %.')).toEqual([{ role: 'arbetsmarknadsstödjare', percent: 100, count: 1 }]);
  });

  it('does not read participants or costs as posts', () => {
    expect(staffing('Insatsen tar emot 40 deltagare där andelen i arbete ska öka till 50 %.')).toEqual([]);
    expect(staffing('Insatsen har en kostnad på 50 % av budgeten.')).toEqual([]);
  });
});

describe('periods', () => {
  it('reads "för perioden januari 2024–december 2025" (months after a word, not a day)', () => {
    const [p] = findPeriods('finansiering med 1 200 tkr för perioden januari 2024–december 2025,');
    expect([p.start, p.end, p.form]).toEqual(['2024-01-01', '2025-12-31', 'months']);
  });

  it('reads "från och med 1 mars 2023 till och med 29 februari 2024" (leap day)', () => {
    const [p] = findPeriods('från och med 1 mars 2023 till och med 29 februari 2024');
    expect([p.start, p.end]).toEqual(['2023-03-01', '2024-02-29']);
  });

  it('reads "fr.o.m. 2024-01-01 t.o.m. 2025-06-30"', () => {
    const [p] = findPeriods('att finansieringen avser perioden fr.o.m. 2024-01-01 t.o.m. 2025-06-30');
    expect([p.start, p.end]).toEqual(['2024-01-01', '2025-06-30']);
  });
});

describe('layouts', () => {
  const inline = [
    'Samordningsförbundet Norra Dalarna',
    'Tjänsteskrivelse',
    '',
    'Ärende: Språk och arbete – Mora, Orsa och Älvdalen',
    '',
    'Förslag till beslut: Styrelsen beviljar insatsen Språk och arbete – Mora, Orsa och Älvdalen totalt 900 000 kronor för åren 2024–2026, varav 300 000 kronor 2024.',
    '',
    'Ärendet',
    'Mora kommun är insatsägare och ansöker tillsammans med Orsa kommun, Region Dalarna och Arbetsförmedlingen om medel för en insats.',
  ].join('\n');

  it('reads a proposal written inline after "Förslag till beslut:"', () => {
    const f = extract(inline);
    expect(f.outcome?.value).toBe('granted');
    expect(f.period?.value).toEqual({ start: '2024-01-01', end: '2026-12-31' });
  });

  it('takes the total, not the "varav" part, as the amount', () => {
    expect(extract(inline).amount_sek?.value).toBe(900000);
    const f = extract('Förslag till beslut\n\natt bevilja insatsen X 300 000 kronor 2024, varav 100 000 kronor under våren');
    expect(f.amount_sek?.value).toBe(300000);
  });

  it('strips an "Ärende:" label from the heading that names the insats', () => {
    expect(extract(inline).title?.value).toBe('Språk och arbete – Mora, Orsa och Älvdalen');
  });

  it('reads co-applicants named after the verb ("ansöker tillsammans med A, B och C om medel")', () => {
    expect(extract(inline).owner?.value).toBe('Mora kommun');
    expect(extract(inline).partners?.value).toEqual(['Orsa kommun', 'Region Dalarna', 'Arbetsförmedlingen']);
  });

  it('reads applicants before "har tillsammans med X ansökt"', () => {
    const f = extract('Titel\n\nBeslut\nStyrelsen beslutar att bevilja 1 200 tkr.\n\nÄrendebeskrivning\nKöpings kommun och Arboga kommun har tillsammans med Arbetsförmedlingen ansökt om medel för insatsen.\n\nInsatsägare: Köpings kommun');
    expect(f.owner?.value).toBe('Köpings kommun');
    expect(f.partners?.value).toEqual(['Arboga kommun', 'Arbetsförmedlingen']);
  });

  it('treats a "Förslag till beslut" line over the date as a label, and reads the title below it', () => {
    const text = 'Samordningsförbundet Gävleborg\nFörslag till beslut\n2024-02-15\n\nÄrende: Ansökan om medel för insatsen Friskvård och arbete i Sandviken\n\nBakgrund\nSandvikens kommun ansöker om SEK 450 000 under perioden 2024-2025.\n\nBeslut\nFörbundsstyrelsen beslutar att avslå ansökan.';
    const f = extract(text);
    expect(f.title?.value).toBe('Friskvård och arbete i Sandviken');
    expect(f.outcome?.value).toBe('rejected');
    expect(f.applied?.value).toEqual({ period: { start: '2024-01-01', end: '2025-12-31' }, amount_sek: 450000 });
  });

  it('reads the case in every case section, also when the proposal splits Sammanfattning from Ärendebeskrivning', () => {
    const text = 'Titel i Tierp\n\nSammanfattning\nInsatsen ska stödja unga vuxna i Tierp.\n\nFörslag till beslut\natt bevilja insatsen 500 000 kronor\n\nÄrendebeskrivning\nTierps kommun är insatsägare. Tierps kommun och Försäkringskassan ansöker om 500 000 kronor för perioden 2024-01-01 till 2024-12-31.';
    const f = extract(text);
    expect(f.owner?.value).toBe('Tierps kommun');
    expect(f.partners?.value).toEqual(['Försäkringskassan']);
    expect(f.applied?.value.amount_sek).toBe(500000);
  });

  it('finds inline decision headings as sections', () => {
    const kinds = findSections('X\nFörslag till beslut: Styrelsen beviljar X.\nBeslut: Styrelsen beslutar att bevilja X.\n').map((s) => s.kind);
    expect(kinds).toEqual(['proposal', 'decision']);
  });
});

describe('participants over the whole insats', () => {
  it('reads "totalt 60 deltagare ska ta del av insatsen under projekttiden"', () => {
    const [t] = findParticipantsTotal('Målet är att totalt 60 deltagare ska ta del av insatsen under projekttiden.');
    expect(t.value).toBe(60);
  });

  it('divides a total by the period in years', () => {
    expect(perYear(60, { start: '2024-01-01', end: '2025-12-31' })).toBe(30);
    expect(perYear(60, { start: '2024-01-01', end: '2025-06-30' })).toBe(40);
    expect(perYear(60, { start: '2024-01-01', end: null })).toBeNull();
  });

  it('gives a decision per-year participants from a total and the granted period', () => {
    const f = extract('Titel\n\nBeslut\nStyrelsen beslutar att bevilja 1 200 tkr för perioden januari 2024–december 2025.\n\nÄrendet\nMålet är att totalt 60 deltagare ska ta del av insatsen under projekttiden.');
    expect(f.participants_per_year?.value).toBe(30);
    expect(f.participants_per_year?.evidence[0].confidence).toBeLessThan(0.7);
  });
});

describe('second round (dec-18, dec-19)', () => {
  it('drops a trailing "– ansökan om finansiering" from the heading', () => {
    const f = extract('TJÄNSTESKRIVELSE\n\nArbetsintegrerande stöd i Östhammar och Tierp – ansökan om finansiering\n\nBeslutsförslag\nFörbundsstyrelsen föreslås besluta\natt bevilja finansiering till insatsen Arbetsintegrerande stöd i Östhammar och Tierp med högst kr 1 350 000,');
    expect(f.title?.value).toBe('Arbetsintegrerande stöd i Östhammar och Tierp');
    expect(f.amount_sek?.value).toBe(1350000);
  });

  it('ends the att-sats name at ", då …" and drops "Förstudie" before a name', () => {
    const f = extract('§ 52 Förstudie Hälsa i fokus, Kinda och Ydre\n\nBeslut\nFörbundsstyrelsen beslutar\natt avslå ansökan om medel för förstudien Hälsa i fokus, Kinda och Ydre, då den inte uppfyller kraven.');
    expect(f.title?.value).toBe('Hälsa i fokus, Kinda och Ydre');
  });

  it('reads "Kinda kommun skulle vara insatsägare" and keeps the owner out of the partners', () => {
    const f = extract('Titel\n\nÄrende\nKinda kommun har, tillsammans med Ydre kommun och Region Östergötland, ansökt om 240 000 kronor. Kinda kommun skulle vara insatsägare.\n\nBeslut\nFörbundsstyrelsen beslutar att avslå ansökan.');
    expect(f.owner?.value).toBe('Kinda kommun');
    expect(f.partners?.value).toEqual(['Ydre kommun', 'Region Östergötland']);
  });

  it('reads "två stödpersoner med 75 procents tjänstgöringsgrad vardera"', () => {
    expect(staffing('Insatsen bemannas med en halvtidstjänst som arbetsmarknadssekreterare och två stödpersoner med 75 procents tjänstgöringsgrad vardera.')).toEqual([
      { role: 'arbetsmarknadssekreterare', percent: 50, count: 1 },
      { role: 'stödperson', percent: 75, count: 2 },
    ]);
  });

  it('reads the organisation on the line under name and role', () => {
    const f = extract('Titel\n\nBedömning\nInsatsen är förankrad.\n\nÖsthammar den 12 april 2024\n\nPer Ek\nFörbundschef\nSamordningsförbundet Norra Uppland');
    expect(f.signatories?.value).toEqual([{ name: 'Per Ek', role: 'Förbundschef', organisation: 'Samordningsförbundet Norra Uppland', date: '2024-04-12' }]);
  });
});
