import type { DocumentText } from '../document-text.js';
import type { Evidence, Fields } from '../fields.js';
import type { ExtractionMessage, Extractor } from '../extraction.js';
import { foldSwedish, parseSwedishAmount, parseSwedishDate } from '../common/index.js';
import { readBudget } from './budget.js';
import { findAnyLabel, lineAround, valueOf, type Span } from './form.js';
import { readGoals } from './goals.js';
import { LABELS, SECTION_HEADINGS } from './headings.js';
import { findFormLabels, type LabelMatch } from './labels.js';
import { readAmounts } from './numbers.js';
import { municipalitiesOf, readOwner, readPartners } from './parties.js';
import { settleOrganisation, spellKommunNames, twinPicker } from './places.js';
import { readSignatories } from './signatories.js';

/** A labelled date ("Planerat startdatum: 2023-01-01"); the label's line, else the next. */
function labelledDate(doc: DocumentText, m: LabelMatch | null): { value: string; span: Span; score: number } | null {
  if (!m) return null;
  const v = valueOf(doc.text, m, SECTION_HEADINGS, 1);
  const value = v ? parseSwedishDate(v.text) : null;
  return v && value ? { value, span: v, score: m.score } : null;
}

/**
 * The repaired text, unless repair only took diacritics away that the source had ("Jobbspåret"
 * → "Jobbsparet"): then the source's spelling. Spaces collapsed either way.
 */
export function keepSourceDiacritics(repaired: string, raw: string): string {
  const r = repaired.replace(/\s+/g, ' ').trim();
  const s = raw.replace(/\s+/g, ' ').trim();
  const marks = (x: string) => (x.match(/[åäöéÅÄÖÉ]/g) ?? []).length;
  return s.length === r.length && foldSwedish(s) === foldSwedish(r) && marks(s) > marks(r) ? s : r;
}

/** An amount written alone ("1 370 000 kr", "2.500.000 kr", "985000", "1 362 tkr"); null for prose or several numbers. */
export function appliedAmount(value: string): number | null {
  // OCR spaces dotted thousands apart ("2.500. 000 kr").
  const v = value.trim().replace(/(?<=\d)\.\s(?=\d{3}(?!\d))/g, '.');
  if (!/^[\d\s.,]+(?:kr|kronor|sek|:-|tkr|tusen kronor|mkr|mnkr|miljoner kronor)?\.?$/i.test(v)) return null;
  if (/^[\d\s]+$/.test(v)) {
    // Bare digits: only one amount however the spaces group them ("1 540 400", not "1 540 400 0").
    const amounts = readAmounts(v);
    return amounts.length === 1 ? amounts[0] : null;
  }
  const amount = parseSwedishAmount(v);
  return amount ? amount : null;
}

/** "Planerat slutdatum:" but not the line "Planerat slutdatum för intag ...". */
function endLabel(text: string, intake: LabelMatch | null): LabelMatch | null {
  const intakeLine = intake ? lineAround(text, intake.start).start : -1;
  return findFormLabels(text, LABELS.end[0]).find((m) => lineAround(text, m.start).start !== intakeLine && !findFormLabels(text.slice(m.start, lineAround(text, m.start).end), LABELS.intakeEnd[0]).length) ?? null;
}

/**
 * The ansökan form: title, insatsägare, samverkansparter, kommuner, planned period and intake
 * end, expected participants, goals, the amount applied for, the detailed budget with its
 * staffing, and the signatories. Works on raw OCR text, repaired text and clean text alike:
 * every label is found fuzzily, every value keeps the evidence it was read from.
 */
export const extractApplication: Extractor = (doc) => {
  const text = doc.text;
  const fields: Fields = {};
  const messages: ExtractionMessage[] = [];
  const ev = (start: number, end: number, field: string, confidence: number): Evidence[] => [doc.evidence(start, end, `application/${field}`, confidence)];

  const read = readOwner(doc);
  const readPartnerList = readPartners(doc, read?.name ?? null);
  // Kommun names that fold alike (Håbo/Habo) are settled by the parties' county.
  const pick = twinPicker([read, ...readPartnerList].filter((p) => p !== null).map((p) => p!.name), text);
  const owner = read && { ...read, name: settleOrganisation(read.name, pick) };
  const partners = readPartnerList.map((p) => ({ ...p, name: settleOrganisation(p.name, pick) }));

  const titleLabel = findAnyLabel(text, LABELS.title);
  const title = titleLabel ? valueOf(text, titleLabel, SECTION_HEADINGS) : null;
  if (title) {
    const evidence = ev(title.start, title.end, 'title', 0.9 * titleLabel!.score);
    fields.title = { value: spellKommunNames(keepSourceDiacritics(title.text, evidence[0].raw), pick), evidence };
  }

  if (owner) fields.owner = { value: owner.name, evidence: [owner.evidence] };
  fields.partners = { value: partners.map((p) => p.name), evidence: partners.map((p) => p.evidence) };
  const kommuner = municipalitiesOf(owner ? [owner, ...partners] : partners);
  fields.municipalities = { value: kommuner.names, evidence: kommuner.evidence };

  const intakeLabel = findAnyLabel(text, LABELS.intakeEnd);
  const start = labelledDate(doc, findAnyLabel(text, LABELS.start));
  const end = labelledDate(doc, endLabel(text, intakeLabel));
  const intake = labelledDate(doc, intakeLabel);
  if (start || end) {
    const evidence = [start, end].filter((d) => d !== null).map((d) => doc.evidence(d!.span.start, d!.span.end, 'application/period', 0.9 * d!.score));
    fields.period = { value: { start: start?.value ?? null, end: end?.value ?? null }, evidence };
    if (start && end && end.value < start.value) messages.push({ field: 'period', reason: `planned end ${end.value} is before the start ${start.value}`, start: end.span.start, end: end.span.end });
  }
  if (intake) {
    fields.intake_end = { value: intake.value, evidence: ev(intake.span.start, intake.span.end, 'intake_end', 0.9 * intake.score) };
    if (end && intake.value > end.value) messages.push({ field: 'period', reason: `intake ends ${intake.value}, after the insats ends ${end.value}`, start: intake.span.start, end: intake.span.end });
  }

  const participantsLabel = findAnyLabel(text, LABELS.participants);
  const participants = participantsLabel ? valueOf(text, participantsLabel, SECTION_HEADINGS, 1) : null;
  const count = participants ? /\d+/.exec(participants.text) : null;
  if (participants && count) {
    const at = participants.start + count.index;
    fields.participants_per_year = { value: Number(count[0]), evidence: ev(at, at + count[0].length, 'participants_per_year', 0.85 * participantsLabel!.score) };
  }

  const goals = readGoals(doc);
  fields.goals = { value: goals.goals, evidence: goals.evidence };

  const appliedLabel = findAnyLabel(text, LABELS.applied);
  const appliedValue = appliedLabel ? valueOf(text, appliedLabel, SECTION_HEADINGS, 2) : null;
  const applied = appliedValue ? appliedAmount(appliedValue.text) : null;

  const budget = readBudget(doc, applied);
  messages.push(...budget.messages);
  if (budget.budget) fields.budget = { value: budget.budget, evidence: budget.budgetEvidence };
  fields.staffing = { value: budget.staffing, evidence: budget.staffingEvidence };

  if (applied !== null && appliedValue) {
    fields.amount_sek = { value: applied, evidence: ev(appliedValue.start, appliedValue.end, 'amount_sek', 0.9 * appliedLabel!.score) };
    const total = budget.budget?.total_sek ?? null;
    if (total !== null && total !== applied) {
      messages.push({ field: 'budget', reason: `the form applies for ${applied} kr, the budget's total is ${total} kr`, start: appliedValue.start, end: appliedValue.end });
    }
  } else if (budget.budget?.total_sek != null && budget.totalSpan) {
    // No amount under "Ange budget/finansiering": the budget's total is what is applied for.
    fields.amount_sek = { value: budget.budget.total_sek, evidence: ev(budget.totalSpan[0], budget.totalSpan[1], 'amount_sek:budget-total', 0.7) };
  }

  const signatories = readSignatories(doc);
  const signed = signatories.signatories.map((x) => ({ ...x, organisation: x.organisation && settleOrganisation(x.organisation, pick) }));
  fields.signatories = { value: signed, evidence: signatories.evidence };
  messages.push(...signatories.messages);

  return { fields, messages };
};
