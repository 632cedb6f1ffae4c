import type { DocumentText } from '../document-text.js';
import type { Budget, BudgetLine, Evidence, Staffing } from '../fields.js';
import type { ExtractionMessage } from '../extraction.js';
import { alignPrefix, foldForMatch } from './fuzzy.js';
import { findAnyLabel, lineAround, linesOf, type Span } from './form.js';
import { LABELS } from './headings.js';
import { findFormLabel, LABEL_THRESHOLD } from './labels.js';
import { parseRow, type TableRow } from './numbers.js';

interface Row extends TableRow {
  line: Span;
  /** The row sits under the Lönekostnader sub-heading (a staff row). */
  salary: boolean;
}

export interface BudgetReading {
  budget: Budget | null;
  budgetEvidence: Evidence[];
  staffing: Staffing[];
  staffingEvidence: Evidence[];
  /** Offsets of the table's total, for messages. */
  totalSpan: [number, number] | null;
  messages: ExtractionMessage[];
}

const TOTAL_ROW = /^(summa|totalt?|total kostnad)\b/;

/** The table's sub-headings; OCR damages them too ("Lökaikostnåder", "0vriga kostnader"). */
const SUBHEADINGS = [
  { label: 'lonekostnader', salary: true },
  { label: 'lokalkostnader', salary: false },
  { label: 'ovriga lokalkostnader', salary: false },
  { label: 'ovriga kostnader', salary: false },
] as const;

/**
 * The sub-heading a (folded) row label starts with, fuzzily, and whether it is the whole label.
 * "Lönekostnader tjänst % tidsperiod" starts the salary rows; "Lokalhyra" is no heading.
 */
export function subheading(folded: string): { salary: boolean; whole: boolean } | null {
  let best: { salary: boolean; whole: boolean; score: number } | null = null;
  for (const h of SUBHEADINGS) {
    const { cost, length } = alignPrefix(h.label, folded, (1 - LABEL_THRESHOLD) * h.label.length);
    const score = 1 - cost / h.label.length;
    if (score >= LABEL_THRESHOLD && (!best || score > best.score)) best = { salary: h.salary, whole: folded.slice(length).trim() === '', score };
  }
  return best && { salary: best.salary, whole: best.whole };
}

/** The cost rows the form prints (Lokalkostnader, Övriga kostnader); an applicant fills in amounts, OCR may damage the words. */
const PRINTED_COST_LABELS = [
  'Lokalhyra', 'Övriga lokalkostnader', 'Utvärdering', 'Spridningsseminarier', 'Utbildning insatsmedarbetare',
  'Inköpta utredningar, utbildningar och tjänster avsedda för deltagare', 'Övriga aktiviteter för deltagare',
  'Telefon-, IT-kostnader', 'Resor', 'Tolk', 'Informationsmaterial', 'Övrigt',
];
const PRINTED_FOLDED = PRINTED_COST_LABELS.map((l) => foldForMatch(l));

/** A damaged printed label as the form prints it ("Ovriga aktiviteter féor deltagare" → "Övriga aktiviteter för deltagare"); other labels as written. */
export function printedCostLabel(label: string): string {
  const folded = foldForMatch(label).replace(/ +/g, ' ').trim();
  for (let i = 0; i < PRINTED_FOLDED.length; i++) {
    const p = PRINTED_FOLDED[i];
    if (folded === p) return PRINTED_COST_LABELS[i];
    const { cost, length } = alignPrefix(p, folded, (1 - LABEL_THRESHOLD) * p.length);
    if (length >= folded.length - 1 && 1 - cost / p.length >= LABEL_THRESHOLD) return PRINTED_COST_LABELS[i];
  }
  return label;
}

/** Lowercases a role's first letter unless the word is an acronym ("HR-chef" stays). */
function roleName(label: string): string {
  return /^[A-ZÅÄÖ][a-zåäöé]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/** Rows of text[from, to): labels wrapped onto a second line ("Inköpta utredningar ... och\ntjänster ... 0") are joined. */
function tableRows(text: string, from: number, to: number): Row[] {
  const rows: Row[] = [];
  let salary = false;
  let carry: Span | null = null;
  let carryPercent: number | null = null;
  for (const line of linesOf(text, from, to)) {
    if (!line.text.trim()) continue;
    const row = parseRow(line.text);
    const folded = foldForMatch(row.label).replace(/ +/g, ' ');
    const sub = subheading(folded);
    const head = sub?.salary === true;
    if (sub) salary = sub.salary;
    if (!row.amounts.length) {
      // A cell of only tjänst % or dates belongs to the label above it (one cell per line).
      if (!row.label && carry) {
        carryPercent = row.percent ?? carryPercent;
        continue;
      }
      // A label without numbers: a sub-heading, or the first half of a wrapped label.
      carry = sub?.whole || head ? null : line;
      carryPercent = null;
      continue;
    }
    // A wrapped label continues in lower case; a row of bare amounts under a label line is
    // that label's row (tables whose cells come out one per line, as from DOCX).
    const joined = carry && ((/^[a-zåäöé]/.test(row.label) && row.labelStart === 0) || !row.label);
    const label = joined ? `${parseRow(carry!.text).label} ${row.label}`.trim() : row.label;
    const labelStart = joined ? carry!.start : line.start + row.labelStart;
    const percent = row.percent ?? (joined ? carryPercent : null);
    carry = null;
    carryPercent = null;
    rows.push({ ...row, percent, label, labelStart, labelEnd: line.start + row.labelEnd, line, salary: salary || (percent !== null && percent > 0) });
  }
  return rows;
}

/**
 * The detailed budget ("Budget - detaljerad"): the non-zero cost lines of the table of costs to
 * requisition from the förbund, its total, the staffing of its Lönekostnader rows, and a check
 * against the Budgetsammanställning. Each row's last amount is its total column.
 */
export function readBudget(doc: DocumentText, applied: number | null): BudgetReading {
  const text = doc.text;
  const none: BudgetReading = { budget: null, budgetEvidence: [], staffing: [], staffingEvidence: [], totalSpan: null, messages: [] };
  const start = findAnyLabel(text, LABELS.budgetDetailed);
  if (!start) return none;
  const totalLabel = findAnyLabel(text, LABELS.budgetTotal, start.end);
  const ownLabel = findAnyLabel(text, LABELS.ownFinancing, start.end);
  const summaryLabel = findAnyLabel(text, LABELS.budgetSummary, start.end);
  const end = totalLabel ? lineAround(text, totalLabel.start).start : Math.min(ownLabel?.start ?? text.length, summaryLabel?.start ?? text.length);
  const rows = tableRows(text, lineAround(text, start.start).end + 1, end);
  const messages: ExtractionMessage[] = [];

  // The total's amount on its own line, or (one cell per line) on the next.
  let totalLine = totalLabel ? lineAround(text, totalLabel.start) : null;
  let totalRow = totalLine ? parseRow(totalLine.text) : null;
  if (totalLine && totalRow && !totalRow.amounts.length) {
    // One cell per line (DOCX): the first non-empty line after the label, past empty cells.
    for (let at = totalLine.end + 1, k = 0; at < text.length && k < 12; k++) {
      const next = lineAround(text, at);
      at = next.end + 1;
      if (!next.text.trim()) continue;
      const nextRow = parseRow(next.text);
      if (!nextRow.label && nextRow.amounts.length) [totalLine, totalRow] = [{ ...totalLine, end: next.end }, nextRow];
      break;
    }
  }
  const lineRows = rows.filter((r) => r.label && /[a-zåäöé]/i.test(r.label) && !TOTAL_ROW.test(foldForMatch(r.label)) && r !== rows.find((x) => x.line.start === totalLabel?.start));
  const costRows = lineRows.filter((r) => (r.amounts[r.amounts.length - 1] ?? 0) > 0);
  const statedTotal = totalRow?.amounts.length ? totalRow.amounts[totalRow.amounts.length - 1] : null;
  const sum = costRows.reduce((a, r) => a + r.amounts[r.amounts.length - 1], 0);

  // "Kostnader i tkr" is printed on the form, but applicants write kronor: a whole insats in
  // under 20 000 (or matching the applied amount only when multiplied) is thousands.
  const declaresTkr = /\btkr\b/i.test(foldForMatch(text.slice(start.start, end)));
  const raw = statedTotal ?? sum;
  const inThousands = declaresTkr && raw > 0 && (applied !== null ? applied === raw * 1000 : raw < 20000);
  const unit = inThousands ? 1000 : 1;
  const unitNote = declaresTkr ? (inThousands ? 'tkr-by-magnitude' : 'kronor-by-magnitude') : 'kronor';
  if (declaresTkr) {
    messages.push({
      field: 'budget',
      reason: inThousands
        ? `the budget says "Kostnader i tkr" and its amounts are small (total ${raw}): read as thousands of kronor`
        : `the budget says "Kostnader i tkr" but its amounts are kronor by magnitude (total ${raw})`,
      start: start.start,
      end: start.end,
    });
  }

  const lines: BudgetLine[] = [];
  const budgetEvidence: Evidence[] = [];
  for (const r of costRows) {
    lines.push({ label: r.salary ? r.label : printedCostLabel(r.label), amount_sek: r.amounts[r.amounts.length - 1] * unit });
    budgetEvidence.push(doc.evidence(r.labelStart, r.line.end, `application/budget/line:${unitNote}`, 0.85));
  }
  const total = statedTotal !== null ? statedTotal * unit : lines.length ? sum * unit : null;
  let totalSpan: [number, number] | null = null;
  if (totalLine && statedTotal !== null) {
    totalSpan = [totalLine.start, totalLine.end];
    budgetEvidence.unshift(doc.evidence(totalLine.start, totalLine.end, `application/budget/total:${unitNote}`, 0.9));
  }
  if (statedTotal !== null && sum !== statedTotal) {
    messages.push({ field: 'budget', reason: `the budget's cost lines add up to ${sum * unit} kr, its total says ${statedTotal * unit} kr`, start: totalSpan?.[0], end: totalSpan?.[1] });
  }
  if (summaryLabel && total !== null) {
    const summary = readSummaryTotal(text, summaryLabel.end);
    if (summary && summary.value * unit !== total && summary.value !== total) {
      messages.push({ field: 'budget', reason: `the Budgetsammanställning says ${summary.value * unit} kr from the förbund, the detailed budget ${total} kr`, start: summary.start, end: summary.end });
    }
  }

  const staffing: Staffing[] = [];
  const staffingEvidence: Evidence[] = [];
  for (const r of costRows.filter((x) => x.salary)) {
    const role = roleName(r.label);
    const same = staffing.find((s) => s.role === role && s.percent === r.percent);
    if (same) same.count++;
    else staffing.push({ role, percent: r.percent, count: 1 });
    staffingEvidence.push(doc.evidence(r.labelStart, r.line.end, 'application/staffing', r.percent === null ? 0.6 : 0.85));
  }

  const budget = lines.length || total !== null ? { total_sek: total, lines } : null;
  return { budget, budgetEvidence, staffing, staffingEvidence, totalSpan, messages };
}

/** The förbund's column of the Budgetsammanställning's "Summa" row (its first amount). */
function readSummaryTotal(text: string, from: number): { value: number; start: number; end: number } | null {
  const summa = findFormLabel(text, 'Summa', from);
  if (!summa) return null;
  const line = lineAround(text, summa.start);
  const row = parseRow(line.text);
  return row.amounts.length ? { value: row.amounts[0], start: line.start, end: line.end } : null;
}
