// Signatories: "Åsa Fichtel, Förbundschef" under a tjänsteskrivelse, "Ordförande\nAnna Berg" or
// "Justerare: Per Ek" in minutes. Names are two to four capitalised words; a role must be a
// known title so that headings and place names are not taken for people.
import { foldSwedish } from './fold.js';
import { findDates } from './period.js';

export interface SignatoryMention {
  name: string;
  role: string | null;
  organisation: string | null;
  date: string | null;
  start: number;
  end: number;
  confidence: number;
}

const ROLE = /^(?:t\.?\s?f\.?\s+|tf\s+|vice\s+|v\.\s?|bitr\.?\s+|biträdande\s+)?[\p{L}-]*(?:chef|ordförande|ordforande|sekreterare|justerare|justerande|handläggare|handlaggare|samordnare|utvecklare|ekonom|controller|strateg|direktör|direktor|ledamot|kanslist|utredare|ordf\.?)$/iu;
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}]+)?`;
const NAME = new RegExp(String.raw`^(${NAME_WORD}(?:\s+(?:af\s+|von\s+|de\s+)?${NAME_WORD}){1,3})$`, 'u');
const NOT_NAME = /^(?:förslag|forslag|ärende|arende|bedömning|bedomning|ansökan|ansokan|beslut|förbundsstyrelsen|forbundsstyrelsen|styrelsen|samordningsförbundet|samordningsforbundet|region|landstinget|arbetsförmedlingen|arbetsformedlingen|försäkringskassan|forsakringskassan|protokoll|närvarande|narvarande|justering|underskrifter|paragrafer|plats|tid|datum|utses|lokusgruppen|insatsen)\b/iu;

function isName(text: string): boolean {
  const t = text.trim().replace(/\s+/g, ' ');
  return NAME.test(t) && !NOT_NAME.test(t) && !/\b(kommun|stad|län|lan|förbund|forbund)\b/iu.test(t);
}

// A line that is an organisation's name: a förbund, kommun, stad, region or agency, nothing more.
const ORGANISATION_LINE = /^(?:samordningsförbundet|samordningsforbundet|finsam|region|landstinget)\s+\p{Lu}[\p{L} -]{1,50}$|^\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?\s+(?:kommun|stad)$|^(?:arbetsförmedlingen|arbetsformedlingen|försäkringskassan|forsakringskassan)$/iu;

function isOrganisationLine(text: string): boolean {
  return text.length <= 60 && ORGANISATION_LINE.test(text.trim());
}

function isRole(text: string): boolean {
  return ROLE.test(text.trim());
}

function clean(line: string): string {
  return line.replace(/^[\s#>*_-]+|[\s*_]+$/g, '').replace(/\.{3,}|_{3,}/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Splits "Förbundschef, Samordningsförbundet Uppsala län" into role and organisation. */
function roleAndOrganisation(text: string): { role: string; organisation: string | null } | null {
  const [role, ...rest] = text.split(/\s*,\s*/);
  if (!isRole(role)) return null;
  const organisation = rest.join(', ').trim();
  return { role: role.trim(), organisation: organisation || null };
}

interface Line {
  text: string;
  start: number;
  end: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const t = clean(raw);
    const lead = raw.indexOf(t.slice(0, 1));
    if (t) out.push({ text: t, start: pos + Math.max(lead, 0), end: pos + raw.trimEnd().length });
    pos += raw.length + 1;
  }
  return out;
}

/**
 * The people who sign a text, found in its lines: "Name, Role[, Organisation]", "Role: Name",
 * "Name" over "Role", "Role" over "Name". A date on the line just above a signature is its date.
 */
export function findSignatories(text: string, from = 0): SignatoryMention[] {
  const ls = lines(text).filter((l) => l.start >= from);
  const found: SignatoryMention[] = [];
  const used = new Set<number>();
  const dateNear = (i: number): string | null => {
    for (const j of [i - 1, i - 2]) {
      const l = ls[j];
      if (l && !used.has(j) && l.text.length < 40) {
        const d = findDates(l.text)[0];
        if (d) return d.iso;
      }
    }
    return null;
  };
  ls.forEach((l, i) => {
    if (used.has(i) || l.text.length > 90) return;
    // "Åsa Fichtel, Förbundschef[, Organisation]"
    const comma = l.text.match(/^([^,]+),\s*(.+)$/);
    if (comma && isName(comma[1])) {
      const ro = roleAndOrganisation(comma[2]);
      if (ro) {
        used.add(i);
        found.push({ name: comma[1].trim(), ...ro, date: dateNear(i), start: l.start, end: l.end, confidence: 0.9 });
        return;
      }
    }
    // "Ordförande: Anna Berg", "Justerare Per Ek"
    const labelled = l.text.match(/^([\p{L} .-]+?)\s*[:]\s*(.+)$/u) ?? l.text.match(/^(\p{Lu}[\p{Ll}-]+)\s+(\p{Lu}.+)$/u);
    if (labelled && isRole(labelled[1]) && isName(labelled[2])) {
      used.add(i);
      found.push({ name: labelled[2].trim(), role: labelled[1].trim(), organisation: null, date: dateNear(i), start: l.start, end: l.end, confidence: 0.85 });
      return;
    }
    const next = ls[i + 1];
    if (!next || used.has(i + 1)) return;
    // "Anna Berg" over "Ordförande" / "Ordförande" over "Anna Berg"
    if (isName(l.text) && (isRole(next.text) || roleAndOrganisation(next.text))) {
      const ro = roleAndOrganisation(next.text) ?? { role: next.text, organisation: null };
      // "Per Ek" / "Förbundschef" / "Samordningsförbundet Norra Uppland": the organisation on a third line.
      const third = ls[i + 2];
      const org = !ro.organisation && third && !used.has(i + 2) && isOrganisationLine(third.text) ? third : null;
      used.add(i).add(i + 1);
      if (org) used.add(i + 2);
      found.push({ name: l.text, ...ro, organisation: ro.organisation ?? org?.text ?? null, date: dateNear(i), start: l.start, end: (org ?? next).end, confidence: 0.8 });
    } else if (isRole(l.text) && isName(next.text)) {
      used.add(i).add(i + 1);
      found.push({ name: next.text, role: l.text, organisation: null, date: dateNear(i), start: l.start, end: next.end, confidence: 0.8 });
    }
  });
  return found;
}

/** Folded role for comparisons ("Förbundschef" → "forbundschef"). */
export function roleKey(role: string): string {
  return foldSwedish(role).replace(/[^a-z]/g, '');
}
