// The contract's document fields as extractors produce them. `owner` is the insatsägare
// (the organisation that runs the insats and is accountable for it); code says owner throughout.

export interface Period {
  start: string | null; // YYYY-MM-DD
  end: string | null;
}

export type GoalKind = 'overall' | 'effect' | 'activity' | 'result';
export interface Goal {
  kind: GoalKind;
  text: string;
}

export interface Staffing {
  role: string;
  percent: number | null;
  count: number;
}

export interface BudgetLine {
  label: string;
  amount_sek: number;
}

export interface Budget {
  total_sek: number | null;
  lines: BudgetLine[];
}

export interface Signatory {
  name: string | null;
  role: string | null;
  organisation: string | null;
  date: string | null;
}

export interface Applied {
  period: Period | null;
  amount_sek: number | null;
}

export type Outcome = 'granted' | 'rejected';

/** Value types of every field, keyed by the contract's names. */
export interface FieldValues {
  title: string;
  owner: string;
  partners: string[];
  municipalities: string[];
  period: Period;
  amount_sek: number;
  outcome: Outcome;
  applied: Applied;
  goals: Goal[];
  staffing: Staffing[];
  participants_per_year: number;
  budget: Budget;
  signatories: Signatory[];
  /** Not in the export: an application's planned end of intake, used by the invalid_period check. */
  intake_end: string;
}

export type FieldName = keyof FieldValues;

/** The contract's fields in export order (intake_end is internal). */
export const CONTRACT_FIELDS = [
  'title', 'owner', 'partners', 'municipalities', 'period', 'amount_sek', 'outcome', 'applied',
  'goals', 'staffing', 'participants_per_year', 'budget', 'signatories',
] as const satisfies readonly FieldName[];

/** Evidence of one value: where it was read and how sure the extractor is. */
export interface Evidence {
  page: number;
  span: [start: number, end: number]; // offsets in that page's repaired text
  raw: string; // the text as it stood before repair
  confidence: number; // 0..1; < 0.6 means "a person should check this"
  extractor: string; // e.g. 'decision/amount'
}

export interface Extracted<T> {
  value: T;
  evidence: Evidence[];
}

export type Fields = { [K in FieldName]?: Extracted<FieldValues[K]> };

/** Below this confidence a value is shown as "check me". */
export const LOW_CONFIDENCE = 0.6;
