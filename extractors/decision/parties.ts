// Who runs the insats and where: the insatsägare, the other samverkansparter and the kommuner
// the insats covers, read from the case text of a decision.
import { canonicalMunicipality, findOrganisations, foldKey, foldSwedish, kommun, KOMMUNER, type OrganisationMention } from '../common/index.js';

export interface Found<T> {
  value: T;
  start: number;
  end: number;
  confidence: number;
}

const OWNER_BEFORE = /((?:[^.\n]|\n(?![ \t]*\n)){2,90}?)\s+(?:utgor|ar|blir|star som|kommer att vara|kommer att utgora|skulle vara|skulle bli|ska vara|avses vara|var)\s+(?:insatsens\s+)?(?:insatsagare|projektagare|huvudman)\b/g;
const OWNER_AFTER = /\b(?:insatsagare|projektagare|huvudman)(?:\s+for\s+(?:insatsen|projektet))?\s*(?:ar|blir|:)\s*((?:[^.\n]|\n(?![ \t]*\n)){2,90})/g;
const OWNER_ROLE = /\b(?:insatsagare|projektagare|huvudman)/;
const OWNER_WITH = /\bmed\s+((?:[^.\n]|\n(?![ \t]*\n)){2,70}?)\s+som\s+(?:insatsagare|projektagare|huvudman)\b/g;

/** The insatsägare the text names ("Knivsta kommun utgör insatsägare"); null when it names none. */
export function findOwner(text: string): Found<string> | null {
  const folded = foldSwedish(text);
  // Every pattern names the role; without it the lazy patterns would backtrack over the whole text for nothing.
  if (!OWNER_ROLE.test(folded)) return null;
  for (const [re, pick] of [[OWNER_BEFORE, 'last'], [OWNER_WITH, 'last'], [OWNER_AFTER, 'first']] as const) {
    for (const m of folded.matchAll(re)) {
      const gStart = m.index! + m[0].indexOf(m[1]);
      const orgs = findOrganisations(text.slice(gStart, gStart + m[1].length));
      const org = pick === 'last' ? orgs[orgs.length - 1] : orgs[0];
      if (org) return { value: org.name, start: gStart + org.start, end: gStart + org.end, confidence: 0.95 * org.score };
      // An organisation outside the registry: the capitalised phrase as written, for a person to check.
      const phrase = text.slice(gStart, gStart + m[1].length).match(/\p{Lu}[\p{L}-]*(?:\s+(?:\p{Lu}[\p{L}-]*|i|för|och))*\s*$/u)
        ?? text.slice(gStart, gStart + m[1].length).match(/^\s*(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)/u);
      if (phrase) {
        const s = gStart + phrase.index! + (phrase[0].length - phrase[0].trimStart().length);
        const value = phrase[0].trim();
        return { value, start: s, end: s + value.length, confidence: 0.5 };
      }
    }
  }
  return null;
}

// Sentences that name the applicants or samverkansparter.
const APPLICANTS_VERB = /\b(?:ansoker|soker|ansokt|ansokte|sokt|(?:lamnat|lamnar|kommit|inkommit|inkommer)\s+(?:in\s+)?(?:med\s+)?en\s+ansokan)\b/;
// Co-applicants named after the verb: "X ansöker tillsammans med A, B och C om medel".
// The list may wrap onto the next line (scans, PDFs): "med Orsa kommun, Älvdalens kommun,\nRegion Dalarna och …".
const WITH_AFTER_VERB = /^\s*(?:om\s+medel\s+)?(?:tillsammans\s+med|i\s+samverkan\s+med|jamte|ihop\s+med)\s+([^]+?)(?=\s+(?:om|for|till|att|inom)\s|[.;]|$)/;
const PARTNERS_CUE = /\b(?:samverkansparter(?:na)?|samverkansparten|medsokande|ansokan fran|ansokan ar gjord av|i samverkan med|parter i insatsen)\b/;

/** Samverkansparter other than the owner: the organisations named as applicants or parties, canonical, in text order. */
export function findPartners(text: string, owner: string | null): Found<string>[] {
  const out: Found<string>[] = [];
  const folded = foldSwedish(text);
  for (const s of sentences(text)) {
    const f = folded.slice(s.start, s.end);
    const verb = f.match(APPLICANTS_VERB);
    const scopes: [number, number][] = [];
    if (verb) {
      scopes.push([s.start, s.start + verb.index!]);
      const after = f.slice(verb.index! + verb[0].length).match(WITH_AFTER_VERB);
      if (after) {
        const at = s.start + verb.index! + verb[0].length + after.index! + after[0].indexOf(after[1]);
        scopes.push([at, at + after[1].length]);
      }
    } else if (PARTNERS_CUE.test(f)) scopes.push([s.start, s.end]);
    for (const scope of scopes) {
      for (const o of findOrganisations(text.slice(scope[0], scope[1]))) add(out, o, scope[0], owner);
    }
  }
  return out;
}

function add(out: Found<string>[], o: OrganisationMention, offset: number, owner: string | null): void {
  if (o.name === owner || out.some((p) => p.value === o.name)) return;
  out.push({ value: o.name, start: offset + o.start, end: offset + o.end, confidence: Math.min(0.9, o.score) });
}

/** Sentences with offsets; a sentence ends at ". " before a capital or at a blank line. */
export function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[.!?](?=\s+[\p{Lu}\d])|\n\s*\n/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    out.push({ start: last, end: m.index! + 1 });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ start: last, end: text.length });
  return out.filter((s) => text.slice(s.start, s.end).trim());
}

// "i Knivsta, Heby, Tierp, Östhammar och Älvkarlebys kommuner"; "kommunerna Heby och Tierp".
const LIST_BEFORE = /\bkommuner(?:na)?\b/g;
const LIST_AFTER = /\bkommunerna\s+/g;
const SEP = /\s*,\s*|\s+och\s+|\s+samt\s+|\s*&\s*/;

function municipalityIn(part: string): string | null {
  const t = part.trim();
  if (!/^\p{Lu}/u.test(t) || t.split(/\s+/).length > 2) return null;
  return canonicalMunicipality(t);
}

/** Kommuner named in lists before "kommuner" or after "kommunerna". */
export function findMunicipalityLists(text: string): Found<string>[] {
  const out: Found<string>[] = [];
  const folded = foldSwedish(text);
  const push = (name: string, start: number, end: number) => {
    if (!out.some((o) => o.value === name)) out.push({ value: name, start, end, confidence: 0.9 });
  };
  for (const m of folded.matchAll(LIST_BEFORE)) {
    const from = Math.max(0, m.index! - 200);
    // Scans and PDFs wrap lines inside a sentence: only a blank line or punctuation ends the list.
    const before = text.slice(from, m.index!).split(/[.:;()]|\n[ \t]*\n/).pop()!;
    const base = m.index! - before.length;
    const parts = before.trimEnd().split(SEP);
    const found: { name: string; start: number; end: number }[] = [];
    let pos = before.trimEnd().length;
    for (let i = parts.length - 1; i >= 0; i--) {
      const part = parts[i];
      const pStart = before.lastIndexOf(part, pos - part.length);
      pos = pStart;
      let name = municipalityIn(part);
      let s = base + pStart;
      if (!name) {
        // "bedrivs i Knivsta": the list's first item follows a preposition.
        const last = part.match(/(\p{Lu}[\p{L}-]*)\s*$/u);
        if (last && (name = municipalityIn(last[1]))) s = base + pStart + last.index!;
        if (name) found.push({ name, start: s, end: base + pStart + part.length });
        break;
      }
      found.push({ name, start: s, end: s + part.trim().length });
    }
    if (found.length >= 2) {
      for (const f of found.reverse()) push(f.name, f.start, f.end);
    }
  }
  for (const m of folded.matchAll(LIST_AFTER)) {
    const s = m.index! + m[0].length;
    const after = text.slice(s, s + 200).split(/[.:;()]|\n[ \t]*\n/)[0];
    let pos = 0;
    for (const part of after.split(SEP)) {
      const at = after.indexOf(part, pos);
      pos = at + part.length;
      const name = municipalityIn(part.split(/\s+/).slice(0, 2).join(' ')) ?? municipalityIn(part.split(/\s+/)[0] ?? '');
      if (!name) break;
      push(name, s + at, s + at + part.length);
    }
  }
  return out;
}

/** The kommun whose name a title carries ("…, Älvkarleby", "En väg in – flera vägar ut Knivsta"). */
export function municipalityInTitle(title: string): string | null {
  const words = [...title.matchAll(/\p{Lu}[\p{L}-]+/gu)].filter((w) => w.index! > 0);
  for (const w of words.reverse()) {
    const key = foldKey(w[0]);
    const k = KOMMUNER.find((x) => foldKey(x.name) === key || foldKey(x.genitive) === key);
    if (k) return k.name;
  }
  return null;
}

/** The kommun an organisation name belongs to, when it is a kommun ("Tierps kommun" → "Tierp"). */
export function municipalityOfOrganisation(org: string): string | null {
  const k = KOMMUNER.find((x) => x.organisation === org);
  return k ? k.name : kommun(org)?.name ?? null;
}
