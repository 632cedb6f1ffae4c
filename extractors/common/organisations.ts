// Registry of the organisations a samordningsförbund's ärenden name: the state agencies in
// finansiell samordning and around it, the 21 regions (and their older landsting names) and
// all 290 kommuner. Matching is diacritics- and OCR-tolerant: keys are folded (å→a, ö→o) and a
// bounded edit distance absorbs OCR noise such as "Arbetsféormedlingen" or "Försäkrningskassan".
import { createRequire } from 'node:module';
import { boundedDistance, editBudget, foldKey, foldSwedish } from './fold.js';

export type OrganisationKind = 'agency' | 'region' | 'kommun';

export interface Kommun {
  name: string; // "Älvkarleby"
  genitive: string; // "Älvkarlebys"
  organisation: string; // "Älvkarleby kommun"
  county: string;
}

export interface OrganisationMatch {
  name: string;
  kind: OrganisationKind;
  /** 1 for an exact (folded) match, lower with each edit. */
  score: number;
}

const require = createRequire(import.meta.url);
export const KOMMUNER: readonly Kommun[] = (require('./data/kommuner.json') as { kommuner: Kommun[] }).kommuner;

// Canonical agency names and the other ways texts name them.
const AGENCIES: [string, ...string[]][] = [
  ['Arbetsförmedlingen', 'Arbetsförmedling'],
  ['Försäkringskassan', 'Försäkringskassa'],
  ['Kriminalvården', 'Frivården', 'Kriminalvård'],
  ['Migrationsverket'],
  ['Skatteverket'],
  ['Socialstyrelsen'],
  ['Kronofogden', 'Kronofogdemyndigheten'],
  ['Polismyndigheten', 'Polisen'],
  ['Statens institutionsstyrelse'],
  ['Centrala studiestödsnämnden', 'CSN'],
  ['Samhall', 'Samhall AB'],
  ['Inspektionen för socialförsäkringen'],
  ['Sveriges Kommuner och Regioner', 'Sveriges Kommuner och Landsting', 'SKR', 'SKL'],
  ['Myndigheten för delaktighet'],
  ['Arbetsmiljöverket'],
  ['Folkhälsomyndigheten'],
  ['Nationella rådet för finansiell samordning', 'Nationella rådet'],
];

// Region canonical name, the county's genitive as older names use it, and the county's bare name.
const REGIONS: [canonical: string, genitive: string, bare: string, ...extra: string[]][] = [
  ['Region Stockholm', 'Stockholms', 'Stockholm', 'Stockholms läns landsting', 'SLL'],
  ['Region Uppsala', 'Uppsala', 'Uppsala'],
  ['Region Sörmland', 'Södermanlands', 'Södermanland', 'Landstinget Sörmland', 'Region Södermanland'],
  ['Region Östergötland', 'Östergötlands', 'Östergötland'],
  ['Region Jönköpings län', 'Jönköpings', 'Jönköping'],
  ['Region Kronoberg', 'Kronobergs', 'Kronoberg'],
  ['Region Kalmar län', 'Kalmar', 'Kalmar'],
  ['Region Gotland', 'Gotlands', 'Gotland'],
  ['Region Blekinge', 'Blekinge', 'Blekinge'],
  ['Region Skåne', 'Skåne', 'Skåne'],
  ['Region Halland', 'Hallands', 'Halland'],
  ['Västra Götalandsregionen', 'Västra Götalands', 'Västra Götaland', 'VGR', 'Region Västra Götaland'],
  ['Region Värmland', 'Värmlands', 'Värmland'],
  ['Region Örebro län', 'Örebro', 'Örebro'],
  ['Region Västmanland', 'Västmanlands', 'Västmanland'],
  ['Region Dalarna', 'Dalarnas', 'Dalarna'],
  ['Region Gävleborg', 'Gävleborgs', 'Gävleborg'],
  ['Region Västernorrland', 'Västernorrlands', 'Västernorrland'],
  ['Region Jämtland Härjedalen', 'Jämtlands', 'Jämtland', 'Region Jämtland'],
  ['Region Västerbotten', 'Västerbottens', 'Västerbotten'],
  ['Region Norrbotten', 'Norrbottens', 'Norrbotten'],
];

interface Entry {
  canonical: string;
  kind: OrganisationKind;
  /** Bare kommun names ("Knivsta") name a place more often than the organisation. */
  bare?: boolean;
}

const ALIASES = new Map<string, Entry>();
const MUNICIPALITY_KEYS = new Map<string, string>();
// Folding makes "Håbo" and "Habo" one key: the names spelled with their diacritics decide between them.
const SPELLED = new Map<string, Entry>();
const SPELLED_MUNICIPALITY = new Map<string, string>();

function spelledKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\d]+/gu, ' ').trim();
}

function alias(name: string, entry: Entry): void {
  SPELLED.set(spelledKey(name), entry);
  const key = foldKey(name);
  // The first registered reading of a folded key stays (Håbo before Habo: the register is by county from Stockholm).
  if (ALIASES.get(key)?.kind === 'kommun' && entry.kind === 'kommun' && ALIASES.get(key)!.canonical !== entry.canonical) return;
  const prev = ALIASES.get(key);
  // A kommun's own organisation name wins over a region's reading of the same word.
  if (prev && !prev.bare && entry.bare) return;
  if (prev && !prev.bare && prev.kind === 'region' && entry.kind === 'kommun') return;
  ALIASES.set(key, entry);
}

for (const [canonical, ...others] of AGENCIES) {
  for (const n of [canonical, ...others]) {
    alias(n, { canonical, kind: 'agency' });
    if (!/s$/i.test(n) && n.length > 4) alias(`${n}s`, { canonical, kind: 'agency' });
  }
}
for (const k of KOMMUNER) {
  const entry: Entry = { canonical: k.organisation, kind: 'kommun' };
  for (const n of new Set([k.name, k.genitive])) {
    alias(`${n} kommun`, entry);
    alias(`${n} stad`, entry);
    alias(`${n} stads`, entry);
    alias(`${n} kommuns`, entry);
    alias(`kommunen ${n}`, entry);
  }
  alias(k.organisation, entry);
  alias(k.name, { ...entry, bare: true });
  for (const n of [k.name, k.genitive]) {
    if (!MUNICIPALITY_KEYS.has(foldKey(n))) MUNICIPALITY_KEYS.set(foldKey(n), k.name);
    SPELLED_MUNICIPALITY.set(spelledKey(n), k.name);
  }
}
for (const [canonical, genitive, bare, ...extra] of REGIONS) {
  const entry: Entry = { canonical, kind: 'region' };
  for (const n of [
    canonical, ...extra, `Region ${bare}`, `Region ${genitive} län`, `Region ${bare} län`, `Regionen ${bare}`,
    `Landstinget i ${genitive} län`, `${genitive} läns landsting`, `Landstinget ${bare}`, `Landstinget i ${bare}`,
    `${genitive} läns landstings`, `Region ${genitive}`,
  ]) alias(n, entry);
  alias(`Länsstyrelsen i ${genitive} län`, { canonical: `Länsstyrelsen i ${genitive} län`, kind: 'agency' });
}
// "Region Gotland" is both the kommun and the region; one organisation.
alias('Gotlands kommun', { canonical: 'Region Gotland', kind: 'region' });

const ALIAS_KEYS = [...ALIASES.keys()];

function fuzzy(key: string, keys: Iterable<string>, budget: number): { key: string; distance: number } | null {
  let best: { key: string; distance: number } | null = null;
  let tie = false;
  for (const k of keys) {
    const d = boundedDistance(key, k, budget);
    if (d > budget) continue;
    if (!best || d < best.distance) {
      best = { key: k, distance: d };
      tie = false;
    } else if (d === best.distance && ALIASES.get(k)?.canonical !== ALIASES.get(best.key)?.canonical) {
      tie = true;
    }
  }
  return best && !tie ? best : null;
}

/** The registry entry for a name, with a score (1 exact, lower per edit); null when nothing is close. */
export function matchOrganisation(name: string): OrganisationMatch | null {
  // The same names recur in every ärende, and the fuzzy pass compares with every registry key.
  return remember(organisationMemo, name, lookupOrganisation);
}

function lookupOrganisation(name: string): OrganisationMatch | null {
  const key = foldKey(name);
  if (!key) return null;
  const exact = SPELLED.get(spelledKey(name)) ?? ALIASES.get(key);
  if (exact) return { name: exact.canonical, kind: exact.kind, score: exact.bare ? 0.8 : 1 };
  const hit = fuzzy(key, ALIAS_KEYS, editBudget(key.length));
  if (!hit) return null;
  const entry = ALIASES.get(hit.key)!;
  const score = (1 - hit.distance / Math.max(key.length, 1)) * (entry.bare ? 0.8 : 1);
  return { name: entry.canonical, kind: entry.kind, score: Math.round(score * 1000) / 1000 };
}

/** 'Forsakringskassan', 'Försäkrningskassan' → 'Försäkringskassan'; 'Alvkarleby kommun' → 'Älvkarleby kommun'. */
export function canonicalOrganisation(name: string): string | null {
  return matchOrganisation(name)?.name ?? null;
}

/** A kommun's name from any form a text uses: 'Älvkarlebys' → 'Älvkarleby', 'Tierps kommun' → 'Tierp'. */
export function canonicalMunicipality(name: string): string | null {
  return remember(municipalityMemo, name, lookupMunicipality);
}

function lookupMunicipality(name: string): string | null {
  const key = foldKey(name)
    .replace(/^(?:i|kommunen)\s+/, '')
    .replace(/\s+(?:kommun|kommuner|kommuns|stad|stads)$/, '');
  if (!key) return null;
  const spelled = spelledKey(name).replace(/^(?:i|kommunen)\s+/, '').replace(/\s+(?:kommun|kommuner|kommuns|stad|stads)$/, '');
  const exact = SPELLED_MUNICIPALITY.get(spelled) ?? MUNICIPALITY_KEYS.get(key);
  if (exact) return exact;
  const budget = editBudget(key.length);
  let best: string | null = null;
  let bestD = budget + 1;
  let tie = false;
  for (const [k, n] of MUNICIPALITY_KEYS) {
    const d = boundedDistance(key, k, budget);
    if (d < bestD) [best, bestD, tie] = [n, d, false];
    else if (d === bestD && n !== best) tie = true;
  }
  return best && !tie ? best : null;
}

const organisationMemo = new Map<string, OrganisationMatch | null>();
const municipalityMemo = new Map<string, string | null>();

/** A pure lookup's answer, kept; a long run's memo is dropped when full rather than grown without end. */
function remember<T>(memo: Map<string, T>, name: string, lookup: (name: string) => T): T {
  if (memo.has(name)) return memo.get(name)!;
  if (memo.size >= 20_000) memo.clear();
  const value = lookup(name);
  memo.set(name, value);
  return value;
}

/** The registry's kommun record by its canonical name. */
export function kommun(name: string): Kommun | undefined {
  return KOMMUNER.find((k) => k.name === name);
}

export interface OrganisationMention extends OrganisationMatch {
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\d][\p{L}\d-]*/gu;
const ANCHOR_LAST = new Set(['kommun', 'kommuns', 'stad', 'stads', 'landsting', 'landstings', 'lan']);
const ANCHOR_FIRST = new Set(['region', 'regionen', 'landstinget', 'lansstyrelsen']);

/**
 * Every organisation named in a running text, with offsets. Kommuner count only when named as
 * organisations ("Knivsta kommun", "Tierps kommun"), not as bare place names ("i Knivsta").
 */
export function findOrganisations(text: string): OrganisationMention[] {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], key: foldSwedish(m[0]), start: m.index!, end: m.index! + m[0].length }));
  const found: OrganisationMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    let taken: OrganisationMention | null = null;
    for (let n = Math.min(6, tokens.length - i); n >= 1 && !taken; n--) {
      const win = tokens.slice(i, i + n);
      // Windows never run across punctuation other than hyphen/space, and across a line break
      // only to spell a known name exactly: scans and PDFs wrap "… och Region\nUppsala lämnat".
      const span = text.slice(win[0].start, win[n - 1].end);
      if (/[,.;:()]/.test(span)) continue;
      const wrapped = span.includes('\n');
      if (wrapped && (n < 2 || !/^[^\n]*\n[^\n]*$/.test(span))) continue;
      const key = win.map((t) => t.key).join(' ');
      const exact = SPELLED.get(spelledKey(wrapped ? span.replace(/\s+/g, ' ') : span)) ?? ALIASES.get(key);
      if (wrapped && !(exact && !exact.bare)) continue;
      if (exact && !exact.bare) {
        taken = { name: exact.canonical, kind: exact.kind, score: 1, start: win[0].start, end: win[n - 1].end };
        break;
      }
      const anchored = ANCHOR_LAST.has(win[n - 1].key) || ANCHOR_FIRST.has(win[0].key);
      const longWord = n === 1 && key.length >= 8 && /^\p{Lu}/u.test(win[0].text);
      if (!(anchored && n >= 2 && n <= 4) && !longWord) continue;
      if (ANCHOR_LAST.has(win[n - 1].key) && !/^\p{Lu}/u.test(win[0].text)) continue;
      const m = matchOrganisation(span);
      if (m && m.score >= 0.85 && !(m.kind === 'kommun' && !ANCHOR_LAST.has(win[n - 1].key))) {
        taken = { ...m, start: win[0].start, end: win[n - 1].end };
      }
    }
    if (taken) {
      found.push(taken);
      while (i < tokens.length && tokens[i].start < taken.end) i++;
    } else i++;
  }
  return found;
}
