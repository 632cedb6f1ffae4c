// extractDecision: every contract field of a decision (tjänsteskrivelse "Förslag till beslut",
// protokollsutdrag, a § of board minutes), each value with evidence. Rules follow the kind of
// text, and keywords are matched on folded text so OCR that lost diacritics still reads.
import type { DocumentText } from '../document-text.js';
import type { ExtractionMessage, Extractor } from '../extraction.js';
import type { Evidence, Fields, Goal, Signatory, Staffing } from '../fields.js';
import {
  findAmounts, findGoals, findParticipantsPerYear, findParticipantsTotal, perYear, findPeriods, findSignatories, findStaffing, foldSwedish,
  type PeriodMatch,
} from '../common/index.js';
import { decisionSpan, findSections, isHeaderLabel, type Section } from './sections.js';
import { findTitle } from './title.js';
import {
  findMunicipalityLists, findOwner, findPartners, municipalityInTitle, municipalityOfOrganisation, sentences, type Found,
} from './parties.js';

interface Span {
  start: number;
  end: number;
}

const REJECT = /\b(?:(?:inte|ej)\s+bevilja\w*|avsla|avslar|avslas|avslag|avslaget|avvisa|avvisar)\b/;
const DEFER = /\b(?:aterremittera\w*|aterremitteras|aterremiss|bordlagg\w*|bordlaggning|bordlagt)\b/;
const GRANT = /\b(?:bevilja|beviljar|beviljas|beviljat|tillstyrka|tillstyrker|godkanna ansokan|godkanner ansokan)\b/;
// Where the amount granted is written: "maximalt", "högst", "avsätta", "bevilja … med".
const AMOUNT_CUE = /(?:maximalt|max\.?|hogst|upp till|avsatta|avsatts|bevilja\w*|beviljas|totalt|sammanlagt|med|om|belopp(?:et)?|ram(?:en)? (?:pa|om))\s*(?:[a-z]+\s+){0,3}$/;
const PER_YEAR = /^\s*(?:per\s+ar|\/\s?ar|arligen|om\s+aret)/;

export const extractDecision: Extractor = (doc: DocumentText) => {
  const text = doc.text;
  const folded = foldSwedish(text);
  const fields: Fields = {};
  const messages: ExtractionMessage[] = [];
  const ev = (s: Span, field: string, confidence: number): Evidence => doc.evidence(s.start, s.end, `decision/${field}`, confidence);

  const sections = findSections(text);
  const decision = decisionSpan(text, sections);
  if (!decision) messages.push({ reason: 'no "Förslag till beslut" or board decision found; outcome, amount and period not read', field: 'outcome' });
  const caseSpans = caseText(text, sections, decision);

  // Outcome: the first outcome verb of the decision's att-satser.
  let outcome: 'granted' | 'rejected' | 'deferred' | null = null;
  if (decision) {
    const body = folded.slice(decision.start, decision.end);
    const hits = ([[REJECT, 'rejected'], [DEFER, 'deferred'], [GRANT, 'granted']] as const)
      .map(([re, kind]) => ({ kind, m: body.match(re) }))
      .filter((h) => h.m && !(h.kind === 'granted' && /forbundet\s+$/.test(body.slice(0, h.m.index))))
      .sort((a, b) => a.m!.index! - b.m!.index!);
    const first = hits[0];
    if (first) {
      outcome = first.kind;
      const s = decision.start + first.m!.index!;
      const conf = (decision.board ? 0.95 : 0.9) - (hits.some((h) => h.kind !== first.kind) ? 0.3 : 0);
      if (first.kind === 'deferred') {
        messages.push({ reason: `the board did not decide: "${text.slice(s, s + first.m![0].length)}" (återremiss/bordläggning); outcome left empty`, field: 'outcome', start: s, end: s + first.m![0].length });
      } else {
        fields.outcome = { value: first.kind, evidence: [ev({ start: s, end: s + first.m![0].length }, 'outcome', conf)] };
      }
    } else {
      messages.push({ reason: 'the decision states no bevilja/avslå', field: 'outcome', start: decision.start, end: decision.end });
    }
  }

  // Amount and period granted: only a grant grants them.
  if (decision && outcome === 'granted') {
    const amount = grantedAmount(text, folded, decision);
    if (amount) fields.amount_sek = { value: amount.value, evidence: amount.spans.map((s) => ev(s, 'amount_sek', amount.confidence)) };
    else messages.push({ reason: 'granted, but no amount found in the decision', field: 'amount_sek', start: decision.start, end: decision.end });
    const period = bestPeriod(findPeriods(text.slice(decision.start, decision.end)), decision.start);
    if (period) {
      fields.period = {
        value: { start: period.start, end: period.end },
        evidence: [ev({ start: period.from, end: period.to }, 'period', period.form === 'dates' ? 0.95 : period.form === 'open' ? 0.6 : 0.75)],
      };
    }
  }

  // What was applied for, from the decision's own case section.
  const applied = appliedFor(text, folded, caseSpans);
  if (applied) {
    fields.applied = {
      value: { period: applied.period ? { start: applied.period.start, end: applied.period.end } : null, amount_sek: applied.amount?.value ?? null },
      evidence: [
        ...(applied.period ? [ev({ start: applied.period.from, end: applied.period.to }, 'applied', 0.85)] : []),
        ...(applied.amount ? [ev(applied.amount, 'applied', applied.amount.confidence)] : []),
      ],
    };
  }

  // Title.
  // The heading block sits above the first proposal/decision heading (a lone "Ansökan" line may precede it).
  const firstHeading = sections.find((s) => !isHeaderLabel(text, s))?.headingStart
    ?? decision?.start ?? text.length;
  const title = findTitle(text, firstHeading, decision);
  if (title) {
    fields.title = { value: title.value, evidence: [ev(title, 'title', title.confidence), ...(title.also ? [ev(title.also, 'title', title.confidence)] : [])] };
  }

  // Owner and partners: from the case text (the assessment names parties it is not about).
  const scopes = caseSpans.length ? caseSpans : [{ start: 0, end: text.length }];
  const owner = scopes.map((sc) => shift(findOwner(text.slice(sc.start, sc.end)), sc.start)).find((o) => o) ?? shift(findOwner(text), 0);
  if (owner) fields.owner = { value: owner.value, evidence: [ev(owner, 'owner', owner.confidence)] };
  const partners: Found<string>[] = [];
  for (const sc of scopes) {
    for (const p of findPartners(text.slice(sc.start, sc.end), owner?.value ?? null)) {
      if (!partners.some((x) => x.value === p.value)) partners.push(shift(p, sc.start)!);
    }
  }
  if (partners.length) fields.partners = { value: partners.map((p) => p.value), evidence: partners.map((p) => ev(p, 'partners', p.confidence)) };

  // Municipalities: the kommuner the insats covers = the kommuner listed ("i Knivsta, Heby och
  // Tierps kommuner") ∪ the kommuner that own or apply for it ∪ the kommun its title names.
  const municipalities: Found<string>[] = [];
  const addM = (f: Found<string> | null) => {
    if (f && !municipalities.some((m) => m.value === f.value)) municipalities.push(f);
  };
  findMunicipalityLists(text).forEach(addM);
  for (const o of [owner, ...partners]) {
    const name = o && municipalityOfOrganisation(o.value);
    if (o && name) addM({ ...o, value: name, confidence: 0.85 });
  }
  if (title) {
    const name = municipalityInTitle(title.value);
    if (name) {
      const at = foldSwedish(text.slice(title.start, title.end)).lastIndexOf(foldSwedish(name).slice(0, -1));
      addM({ value: name, start: title.start + Math.max(at, 0), end: title.start + Math.max(at, 0) + name.length, confidence: 0.75 });
    }
  }
  if (municipalities.length) fields.municipalities = { value: municipalities.map((m) => m.value), evidence: municipalities.map((m) => ev(m, 'municipalities', m.confidence)) };

  // Staffing, participants and goals: anywhere but the att-satser.
  const outside = (s: Span) => !decision || s.end <= decision.start || s.start >= decision.end;
  const staffing: (Staffing & Span & { confidence: number })[] = [];
  for (const s of findStaffing(text).filter(outside)) {
    if (!staffing.some((x) => x.role === s.role && x.percent === s.percent && x.count === s.count)) staffing.push(s);
  }
  if (staffing.length) {
    fields.staffing = {
      value: staffing.map(({ role, percent, count }) => ({ role, percent, count })),
      evidence: staffing.map((s) => ev(s, 'staffing', s.confidence)),
    };
  }
  const participants = findParticipantsPerYear(text)[0];
  if (participants) fields.participants_per_year = { value: participants.value, evidence: [ev(participants, 'participants_per_year', participants.confidence)] };
  else {
    // "totalt 60 deltagare under projekttiden": per year over the granted (else applied) period.
    const total = findParticipantsTotal(text)[0];
    const over = fields.period?.value ?? fields.applied?.value.period ?? null;
    const value = total && over ? perYear(total.value, over) : null;
    if (total && value !== null) fields.participants_per_year = { value, evidence: [ev(total, 'participants_per_year', total.confidence)] };
  }
  const goals = findGoals(text, { paragraphBreakAfter: (offset) => doc.paragraphBreakAfter(offset) }).filter(outside);
  if (goals.length) {
    fields.goals = {
      value: goals.map(({ kind, text: t }): Goal => ({ kind, text: t })),
      evidence: goals.map((g) => ev(g, 'goals', g.confidence)),
    };
  }

  // Signatories: the signature block after the last section heading (not the header's handläggare).
  const lastSection = sections[sections.length - 1];
  const signers = findSignatories(text, lastSection ? lastSection.start : 0);
  if (signers.length) {
    fields.signatories = {
      value: signers.map(({ name, role, organisation, date }): Signatory => ({ name, role, organisation, date })),
      evidence: signers.map((s) => ev(s, 'signatories', s.confidence)),
    };
  }
  return { fields, messages };
};

function shift<T>(f: Found<T> | null, by: number): Found<T> | null {
  return f && { ...f, start: f.start + by, end: f.end + by };
}


/**
 * The case sections (Ärendet/Ansökan/Bakgrund/Sammanfattning …); a proposal between
 * "Sammanfattning" and "Ärendebeskrivning" splits the case in two, so all of them count. Without
 * headings: the text outside the att-satser and assessment.
 */
function caseText(text: string, sections: Section[], decision: { start: number; end: number } | null): Span[] {
  // A case heading above the decision ("Ansökan" over the title) heads the header, not the case.
  const cases = sections.filter((s) => s.kind === 'case' && !isHeaderLabel(text, s));
  if (cases.length) return cases.map((c) => ({ start: c.start, end: c.end }));
  const assessment = sections.find((s) => s.kind === 'assessment');
  if (decision && decision.end < text.length) return [{ start: decision.end, end: assessment && assessment.headingStart > decision.end ? assessment.headingStart : text.length }];
  return [];
}

/** The amount the decision grants: the cued amounts in the att-satser. */
function grantedAmount(text: string, folded: string, decision: Span): { value: number; spans: Span[]; confidence: number } | null {
  const amounts = findAmounts(text.slice(decision.start, decision.end))
    .map((a) => ({ ...a, start: a.start + decision.start, end: a.end + decision.start }))
    // "totalt 900 000 kronor …, varav 300 000 kronor 2024": the part is not the grant.
    .filter((a) => !/\b(?:varav|darav|varefter)\s+(?:[a-z]+\s+){0,2}$/.test(folded.slice(Math.max(0, a.start - 30), a.start)));
  if (!amounts.length) return null;
  const cued = amounts.filter((a) => AMOUNT_CUE.test(folded.slice(Math.max(0, a.start - 40), a.start)));
  const pool = cued.length ? cued : amounts;
  const total = pool.find((a) => /(?:totalt|sammanlagt|sammantaget|total)\s*(?:[a-z]+\s+){0,2}$/.test(folded.slice(Math.max(0, a.start - 30), a.start)));
  if (total) return { value: total.value, spans: [total], confidence: 0.9 };
  const first = pool[0];
  const perYear = PER_YEAR.test(folded.slice(first.end, first.end + 12));
  if (pool.length === 1 || pool.every((a) => a.value === first.value && !perYear)) {
    return { value: first.value, spans: [first], confidence: perYear ? 0.5 : cued.length ? 0.95 : 0.6 };
  }
  // Several amounts, each for its own year or part ("500 000 kr för 2019 och 600 000 kr för 2020"): their sum, to check.
  const distinct = pool.filter((a, i) => pool.findIndex((b) => b.start === a.start) === i);
  return { value: distinct.reduce((s, a) => s + a.value, 0), spans: distinct, confidence: 0.5 };
}

/** Full-date periods before months, terms and years; open ends last. */
function bestPeriod(periods: PeriodMatch[], offset: number): PeriodMatch | null {
  const rank = { dates: 0, months: 1, term: 2, year: 3, open: 4 } as const;
  const best = [...periods].sort((a, b) => rank[a.form] - rank[b.form] || a.from - b.from)[0];
  return best ? { ...best, from: best.from + offset, to: best.to + offset } : null;
}

const APPLIED_PERIOD_CUE = /\b(?:ansokan|ansoker|soker|sokt|stracker sig|perioden|pagar|pagaende|projekttid|insatstid|projektperiod|under tiden|planeras|startar)\b/;
const APPLIED_AMOUNT_CUE = /\b(?:kostnad\w*|ansok\w*|soker|sokt|sokta|budget\w*|belopp\w*|medel|totalt|omfattar)\b/;
const NOT_APPLIED = /\b(?:egenfinansiering|medfinansiering|egen finansiering|eget bidrag|egen insats|varav|tidigare beviljat|tidigare beviljats|redan beviljat|forbundets totala|budgetram)\b/;

/** What the case section says was applied for: the period and amount in sentences about the application. */
function appliedFor(text: string, folded: string, spans: Span[]): { period: PeriodMatch | null; amount: (Span & { value: number; confidence: number }) | null } | null {
  if (!spans.length) return null;
  const periods: PeriodMatch[] = [];
  let amount: (Span & { value: number; confidence: number }) | null = null;
  for (const span of spans) for (const s of sentences(text.slice(span.start, span.end))) {
    const start = span.start + s.start;
    const end = span.start + s.end;
    const f = folded.slice(start, end);
    if (APPLIED_PERIOD_CUE.test(f)) {
      const p = bestPeriod(findPeriods(text.slice(start, end)).filter((x) => x.form !== 'open'), start);
      if (p) periods.push(p);
    }
    if (!amount && APPLIED_AMOUNT_CUE.test(f) && !NOT_APPLIED.test(f)) {
      const a = findAmounts(text.slice(start, end))[0];
      if (a) amount = { value: a.value, start: start + a.start, end: start + a.end, confidence: /kostnad|ansok|soker|sokt/.test(f) ? 0.85 : 0.6 };
    }
  }
  // Full dates anywhere in the case beat a year named in passing ("den första delen pågår under 2018").
  const period = bestPeriod(periods, 0);
  return period || amount ? { period, amount } : null;
}
