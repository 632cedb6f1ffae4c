import type { Budget, Period, Staffing } from '../extractors/fields.js';
import { matchKey } from '../db/queries/keys.js';

/** What the consistency checks need of one document (effective values: corrections applied). */
export interface DocumentFacts {
  id: string;
  kind: string;
  title: string | null;
  owner: string | null;
  partners: string[];
  period: Period | null;
  amount_sek: number | null;
  applied: { period: Period | null; amount_sek: number | null } | null;
  staffing: Staffing[];
  participants_per_year: number | null;
  budget: Budget | null;
  intake_end: string | null;
}

export interface FlagDraft {
  code: string;
  document: string;
  other_document: string | null;
  field: string;
  values: [unknown, unknown];
  message: string;
}

export function formatKronor(n: number | null | undefined): string {
  if (n === null || n === undefined) return 'inget belopp';
  return `${Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')} kr`;
}

function formatPeriod(p: Period | null | undefined): string {
  if (!p) return 'ingen period';
  return `${p.start ?? '?'} – ${p.end ?? '?'}`;
}

/** Periods differ when a start or end both sides state is different. */
function periodsDiffer(a: Period | null, b: Period | null): boolean {
  if (!a || !b) return false;
  const starts = a.start && b.start && a.start !== b.start;
  const ends = a.end && b.end && a.end !== b.end;
  return Boolean(starts || ends);
}

function percents(staffing: Staffing[]): number[] {
  return staffing.flatMap((s) => Array.from({ length: Math.max(1, s.count) }, () => s.percent ?? -1)).sort((a, b) => a - b);
}

const sameList = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Flags inside one document: a decision against its own Ärendet section, an application against its budget table, impossible periods. */
export function checkDocument(doc: DocumentFacts): FlagDraft[] {
  const flags: FlagDraft[] = [];
  const flag = (code: string, field: string, values: [unknown, unknown], message: string) =>
    flags.push({ code, document: doc.id, other_document: null, field, values, message });

  if (doc.kind === 'decision' && doc.applied) {
    const applied = doc.applied;
    if (doc.amount_sek !== null && applied.amount_sek !== null && doc.amount_sek !== applied.amount_sek) {
      flag('amount_mismatch', 'amount_sek', [doc.amount_sek, applied.amount_sek],
        `Förslaget beviljar ${formatKronor(doc.amount_sek)}, men enligt ärendet söker ansökan ${formatKronor(applied.amount_sek)}`);
    }
    if (periodsDiffer(doc.period, applied.period)) {
      flag('period_mismatch', 'period', [doc.period, applied.period],
        `Förslaget gäller ${formatPeriod(doc.period)}, men enligt ärendet avser ansökan ${formatPeriod(applied.period)}`);
    }
  }
  if (doc.kind === 'application' && doc.budget) {
    const { total_sek, lines } = doc.budget;
    const sum = lines.reduce((s, l) => s + l.amount_sek, 0);
    if (total_sek !== null && lines.length && sum !== total_sek) {
      flag('budget_sum_mismatch', 'budget', [sum, total_sek],
        `Budgetens kostnadsrader summerar till ${formatKronor(sum)}, men budgetens totalbelopp är ${formatKronor(total_sek)}`);
    } else if (total_sek !== null && doc.amount_sek !== null && doc.amount_sek !== total_sek) {
      flag('budget_sum_mismatch', 'budget', [doc.amount_sek, total_sek],
        `Ansökan anger ${formatKronor(doc.amount_sek)} i texten, men budgettabellens totalbelopp är ${formatKronor(total_sek)}`);
    }
  }
  const p = doc.period;
  if (p?.start && p.end && p.end < p.start) {
    flag('invalid_period', 'period', [p.start, p.end], `Perioden slutar (${p.end}) före den börjar (${p.start})`);
  } else if (p?.end && doc.intake_end && doc.intake_end > p.end) {
    flag('invalid_period', 'period', [doc.intake_end, p.end], `Sista intag (${doc.intake_end}) ligger efter insatsens slut (${p.end})`);
  }
  return flags;
}

/** Flags between a decision and the application it was linked to; values are (decision's, application's). */
export function compareCase(decision: DocumentFacts, application: DocumentFacts): FlagDraft[] {
  const flags: FlagDraft[] = [];
  const flag = (code: string, field: string, values: [unknown, unknown], message: string) =>
    flags.push({ code, document: decision.id, other_document: application.id, field, values, message });

  if (decision.amount_sek !== null && application.amount_sek !== null && decision.amount_sek !== application.amount_sek) {
    flag('amount_mismatch', 'amount_sek', [decision.amount_sek, application.amount_sek],
      `Beslutet beviljar ${formatKronor(decision.amount_sek)}, ansökan söker ${formatKronor(application.amount_sek)}`);
  }
  if (periodsDiffer(decision.period, application.period)) {
    flag('period_mismatch', 'period', [decision.period, application.period],
      `Beslutet gäller ${formatPeriod(decision.period)}, ansökan avser ${formatPeriod(application.period)}`);
  }
  if (decision.owner && application.owner && matchKey(decision.owner) !== matchKey(application.owner)) {
    flag('owner_mismatch', 'owner', [decision.owner, application.owner],
      `Beslutet anger insatsägare ${decision.owner}, ansökan ${application.owner}`);
  }
  if (decision.partners.length && application.partners.length) {
    const a = [...new Set(decision.partners.map(matchKey))].sort();
    const b = [...new Set(application.partners.map(matchKey))].sort();
    if (!sameList(a, b)) {
      flag('partners_mismatch', 'partners', [decision.partners, application.partners],
        `Beslutet anger samverkansparter ${decision.partners.join(', ')}; ansökan ${application.partners.join(', ')}`);
    }
  }
  if (decision.title && application.title && matchKey(decision.title) !== matchKey(application.title)) {
    flag('title_mismatch', 'title', [decision.title, application.title], `Beslutet avser "${decision.title}", ansökan heter "${application.title}"`);
  }
  if (decision.staffing.length && application.staffing.length && !sameList(percents(decision.staffing), percents(application.staffing))) {
    const show = (s: Staffing[]) => s.map((x) => `${x.count > 1 ? `${x.count} × ` : ''}${x.role} ${x.percent ?? '?'} %`).join(', ');
    flag('staffing_mismatch', 'staffing', [decision.staffing, application.staffing],
      `Beslutet anger bemanning ${show(decision.staffing)}; ansökan ${show(application.staffing)}`);
  }
  if (decision.participants_per_year !== null && application.participants_per_year !== null && decision.participants_per_year !== application.participants_per_year) {
    flag('participants_mismatch', 'participants_per_year', [decision.participants_per_year, application.participants_per_year],
      `Beslutet räknar med ${decision.participants_per_year} deltagare per år, ansökan ${application.participants_per_year}`);
  }
  return flags;
}
