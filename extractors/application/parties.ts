import type { DocumentText } from '../document-text.js';
import type { Evidence } from '../fields.js';
import { canonicalMunicipality, canonicalOrganisation, findOrganisations, matchOrganisation } from '../common/index.js';
import { findAnyLabel, linesOf, nextLabel, trimSpan, valueOf, type Span } from './form.js';
import { LABELS, SECTION_HEADINGS } from './headings.js';
import { findFormLabel } from './labels.js';

export interface Party {
  name: string;
  evidence: Evidence;
}

/**
 * A name as the registry spells it, else as written (trimmed of OCR table rules). A registry
 * name followed by a qualifier ("Arbetsförmedlingen Uppsala län") is the registry name.
 */
export function registryName(text: string): string | null {
  const clean = text.replace(/[|]/g, ' ').replace(/\s+/g, ' ').trim();
  const whole = canonicalOrganisation(clean);
  if (whole) return whole;
  const first = findOrganisations(clean)[0];
  return first && first.start === 0 ? first.name : null;
}

export function organisationName(text: string): string {
  return registryName(text) ?? text.replace(/[|]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The organisations of one section (Insatsägare or Samverkansparter): its "Organisation: X"
 * lines, or where the form has none, its non-empty lines.
 */
function sectionOrganisations(doc: DocumentText, labels: readonly string[], extractor: string): Party[] {
  const text = doc.text;
  const heading = findAnyLabel(text, labels);
  if (!heading) return [];
  const end = nextLabel(text, SECTION_HEADINGS, heading.end);
  const values: { span: Span; score: number }[] = [];
  for (const line of linesOf(text, heading.end, end)) {
    const m = findFormLabel(line.text + '\n', LABELS.organisation[0]);
    if (!m) continue;
    // An empty "Organisation:" (a blank row of the form) has no value: the next heading or
    // "Organisation:" row is not one (one cell per line, as from DOCX).
    const v = valueOf(text, { start: line.start + m.start, end: line.start + m.end, score: m.score }, [...SECTION_HEADINGS, LABELS.organisation[0]]);
    if (v && v.start < end) values.push({ span: v, score: m.score });
  }
  if (!values.length) {
    const rest = trimSpan({ text: text.slice(heading.end, end), start: heading.end, end });
    for (const line of linesOf(text, rest.start, rest.end)) {
      const v = trimSpan(line, /[\s|:;•*(),-]/);
      if (v.text && v.text !== '\f') values.push({ span: v, score: 0.7 * heading.score });
    }
  }
  return values.map(({ span, score }) => {
    const canonical = registryName(span.text);
    return {
      name: canonical ?? organisationName(span.text),
      evidence: doc.evidence(span.start, span.end, extractor, (canonical ? 0.9 : 0.7) * score),
    };
  });
}

export function readOwner(doc: DocumentText): Party | null {
  return sectionOrganisations(doc, LABELS.owner, 'application/owner')[0] ?? null;
}

/** Samverkansparter other than the owner, once each, in form order. */
export function readPartners(doc: DocumentText, owner: string | null): Party[] {
  const seen = new Set<string>(owner ? [owner] : []);
  return sectionOrganisations(doc, LABELS.partners, 'application/partners').filter((p) => {
    if (seen.has(p.name)) return false;
    seen.add(p.name);
    return true;
  });
}

/**
 * The kommuner the insats covers: the owner's kommun when the owner is a kommun, plus every
 * kommun among the samverkansparter (a region or a state agency covers no single kommun).
 */
export function municipalitiesOf(parties: readonly Party[]): { names: string[]; evidence: Evidence[] } {
  const names: string[] = [];
  const evidence: Evidence[] = [];
  for (const p of parties) {
    if (matchOrganisation(p.name)?.kind !== 'kommun') continue;
    const m = canonicalMunicipality(p.name);
    if (m && !names.includes(m)) {
      names.push(m);
      evidence.push({ ...p.evidence, extractor: 'application/municipalities' });
    }
  }
  return { names, evidence };
}
