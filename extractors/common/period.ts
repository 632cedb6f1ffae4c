// Swedish dates and periods as decisions and applications write them, to ISO dates.
// All matching runs on folded text (å→a, ö→o), so OCR that lost the diacritics still reads.
import { foldSwedish } from './fold.js';

export interface Period {
  start: string | null;
  end: string | null;
}

export interface PeriodMatch extends Period {
  start: string | null;
  end: string | null;
  /** Offsets of the expression in the searched text. */
  from: number;
  to: number;
  /** How the period was written; 'dates' is two full dates, 'year' and 'term' are inferred bounds. */
  form: 'dates' | 'months' | 'term' | 'year' | 'open';
}

const MONTHS: [RegExp, number][] = [
  [/^jan(uari)?$/, 1], [/^feb(ruari)?$/, 2], [/^mars?$/, 3], [/^apr(il)?$/, 4], [/^maj$/, 5],
  [/^juni?$/, 6], [/^juli?$/, 7], [/^aug(usti)?$/, 8], [/^sept?(ember)?$/, 9], [/^okt(ober)?$/, 10],
  [/^nov(ember)?$/, 11], [/^dec(ember)?$/, 12],
];
const MONTH = String.raw`(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?`;

function monthNumber(word: string): number | null {
  const w = word.replace(/\.$/, '');
  for (const [re, n] of MONTHS) if (re.test(w)) return n;
  return null;
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days || y < 1900 || y > 2100) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function lastDay(y: number, m: number): string {
  return iso(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate())!;
}

function year(token: string): number {
  const y = Number(token);
  return token.length === 2 ? 2000 + y : y;
}

interface DateMatch {
  iso: string;
  start: number;
  end: number;
}

// Each pattern yields [year, month, day] from its groups.
const DATE_PATTERNS: [RegExp, (m: RegExpExecArray) => string | null][] = [
  // 2018-01-01, 2018.01.01, 2018/01/01
  [/(?<![\d])(\d{4})\s?[-./]\s?(\d{1,2})\s?[-./]\s?(\d{1,2})(?![\d])/g, (m) => iso(+m[1], +m[2], +m[3])],
  // 1 april 2021, 1:a april 2021, den 31 dec. 2021
  [new RegExp(String.raw`(?<![\d])(\d{1,2})(?::[ae])?\s+(${MONTH})\s+(\d{4})(?![\d])`, 'g'), (m) => iso(+m[3], monthNumber(m[2]) ?? 0, +m[1])],
  // 31/12-2018, 31/12 2018, 1/4-21
  [/(?<![\d/])(\d{1,2})\/(\d{1,2})\s?[- ]\s?(\d{4}|\d{2})(?![\d])/g, (m) => iso(year(m[3]), +m[2], +m[1])],
  // 31.12.2018
  [/(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])/g, (m) => iso(+m[3], +m[2], +m[1])],
  // 23-01-01 (two-digit year first, as Swedish forms write it)
  [/(?<![\d-])(\d{2})-(\d{2})-(\d{2})(?![\d-])/g, (m) => iso(year(m[1]), +m[2], +m[3])],
  // 20180101
  [/(?<![\d])(20\d{2})(\d{2})(\d{2})(?![\d])/g, (m) => iso(+m[1], +m[2], +m[3])],
];

/** Every full date in a text, with offsets, in text order; overlapping readings keep the first pattern's. */
export function findDates(text: string): DateMatch[] {
  const folded = foldSwedish(text);
  const found: DateMatch[] = [];
  for (const [re, read] of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const value = read(m);
      const start = m.index;
      const end = start + m[0].length;
      if (!value || found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ iso: value, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** '1 april 2021', '2018-01-01', '31/12-2018', '23-01-01' → ISO date; null when the text holds none. */
export function parseSwedishDate(text: string): string | null {
  return findDates(text)[0]?.iso ?? null;
}

// Words that join the two ends of a period.
const JOIN = String.raw`\s*(?:,\s*)?(?:(?:fram\s+)?till(?:\s+och\s+med)?|t\.?\s?o\.?\s?m\.?|tom|[-–—]+|och|to|until)\s*(?:den\s+)?`;
const JOIN_ONLY = new RegExp(`^${JOIN}$`);

/**
 * Every period in a text: two dates ("2018-01-01 till 2021-12-31", "1 oktober 2020 fram till
 * 31 december 2021"), a day and month running to a full date ("1 april – 31 december 2021"),
 * months ("april–december 2021"), a school term ("höstterminen 2019": autumn term taken as
 * 1 August – 31 December, spring term 1 January – 30 June), a year ("under 2018", "2019–2021"),
 * or an open end ("från och med 2019-01-01"). Overlaps keep the more precise reading.
 */
export function findPeriods(text: string): PeriodMatch[] {
  const folded = foldSwedish(text);
  const found: PeriodMatch[] = [];
  const add = (p: PeriodMatch) => {
    if (found.some((f) => p.from < f.to && f.from < p.to)) return;
    found.push(p);
  };
  const dates = findDates(text);

  // Two full dates joined by till/–/t.o.m.
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i];
    const b = dates[i + 1];
    if (JOIN_ONLY.test(folded.slice(a.end, b.start))) add({ start: a.iso, end: b.iso, from: a.start, to: b.end, form: 'dates' });
  }
  // "1 april till 31 december 2021": the first end borrows the second's year.
  const partial = new RegExp(String.raw`(?<![\d])(\d{1,2})(?::[ae])?\s+(${MONTH})${JOIN}(\d{1,2})(?::[ae])?\s+(${MONTH})\s+(\d{4})`, 'g');
  for (const m of folded.matchAll(partial)) {
    const y = +m[5];
    const start = iso(y, monthNumber(m[2]) ?? 0, +m[1]);
    const end = iso(y, monthNumber(m[4]) ?? 0, +m[3]);
    if (start && end) add({ start, end, from: m.index!, to: m.index! + m[0].length, form: 'dates' });
  }
  // Open ends: "från och med 2019-01-01", "t.o.m. 2021-12-31".
  for (const d of dates) {
    const before = folded.slice(Math.max(0, d.start - 24), d.start);
    const fromMatch = before.match(/(?:fr\.?\s?o\.?\s?m\.?|from|fran och med|fran|med start|startar|start)\s*(?:den\s+)?$/);
    const toMatch = before.match(/(?:t\.?\s?o\.?\s?m\.?|till och med|fram till|senast)\s*(?:den\s+)?$/);
    if (fromMatch) add({ start: d.iso, end: null, from: d.start - fromMatch[0].length, to: d.end, form: 'open' });
    else if (toMatch) add({ start: null, end: d.iso, from: d.start - toMatch[0].length, to: d.end, form: 'open' });
  }
  // Months: "april–december 2021", "januari 2019 till juni 2020".
  // Not after a day number ("1 april – …" is read above), but after any word ("perioden januari 2024–…").
  const months = new RegExp(String.raw`(?<!\d\s?)\b(${MONTH})(?:\s+(\d{4}))?${JOIN}(${MONTH})\s+(\d{4})`, 'g');
  for (const m of folded.matchAll(months)) {
    const y2 = +m[4];
    const y1 = m[2] ? +m[2] : y2;
    const m1 = monthNumber(m[1]);
    const m2 = monthNumber(m[3]);
    if (!m1 || !m2) continue;
    add({ start: iso(y1, m1, 1), end: lastDay(y2, m2), from: m.index!, to: m.index! + m[0].length, form: 'months' });
  }
  // School terms.
  const term = /\b(hostterminen|hostermin(?:en)?|ht|varterminen|vartermin(?:en)?|vt)\s?(\d{4}|\d{2})\b/g;
  for (const m of folded.matchAll(term)) {
    const y = year(m[2]);
    const autumn = m[1].startsWith('h');
    add({
      start: autumn ? iso(y, 8, 1) : iso(y, 1, 1),
      end: autumn ? iso(y, 12, 31) : iso(y, 6, 30),
      from: m.index!, to: m.index! + m[0].length, form: 'term',
    });
  }
  const schoolYear = /\blasaret\s+(\d{4})\s?[/-–]\s?(\d{4}|\d{2})\b/g;
  for (const m of folded.matchAll(schoolYear)) {
    add({ start: iso(+m[1], 8, 1), end: iso(year(m[2]) < 100 ? 2000 + year(m[2]) : year(m[2]), 6, 30), from: m.index!, to: m.index! + m[0].length, form: 'term' });
  }
  // Years: "under 2018", "år 2018", "åren 2019–2021", "2019-2021".
  const years = /(?:\b(?:under|for|ar|aren|aret|verksamhetsaret|budgetaret|kalenderaret)\s+(?:(?:aret|aren|ar)\s+)?)?(?<![\d-])((?:19|20)\d{2})(?:\s*(?:[-–—]|till|och)\s*((?:19|20)\d{2}))?(?![\d-]|\s?[-/]\s?\d)/g;
  for (const m of folded.matchAll(years)) {
    const hasCue = m[0] !== m[1] && !/^\d/.test(m[0]);
    if (!hasCue && !m[2]) continue; // a bare year is not a period
    const y1 = +m[1];
    const y2 = m[2] ? +m[2] : y1;
    if (y2 < y1) continue;
    add({ start: iso(y1, 1, 1), end: iso(y2, 12, 31), from: m.index!, to: m.index! + m[0].length, form: 'year' });
  }
  return found.sort((a, b) => a.from - b.from);
}

/** The first period in a text, or null. */
export function parseSwedishPeriod(text: string): Period | null {
  const p = findPeriods(text)[0];
  return p ? { start: p.start, end: p.end } : null;
}
