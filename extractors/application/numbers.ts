// Numbers in the form's tables, where OCR runs the columns together: "1 362 000 1362 000" is two
// amounts, "4000 4000" is two, "86 400 86 400" is two. Swedish thousands groups are separated by
// spaces, so the same digits can be split several ways; the table's own arithmetic decides.

const MAX_SPLITS = 4000;

/** Every way to read digit groups as amounts: a number is a head plus 3-digit groups (OCR drops spaces: "1362 000"). */
export function amountSplits(tokens: readonly string[]): number[][] {
  const out: number[][] = [];
  const walk = (i: number, acc: number[]) => {
    if (out.length >= MAX_SPLITS) return;
    if (i === tokens.length) {
      out.push(acc);
      return;
    }
    const head = tokens[i];
    if (head.length > 1 && head.startsWith('0')) return; // "000" only continues a number
    let digits = head;
    walk(i + 1, [...acc, Number(digits)]);
    for (let j = i + 1; j < tokens.length && tokens[j].length === 3; j++) {
      digits += tokens[j];
      walk(j + 1, [...acc, Number(digits)]);
    }
  };
  walk(0, []);
  return out;
}

/**
 * The amounts of a table row's numeric tail. Prefers a reading whose last amount is the sum of
 * the others (the row's total column), then the reading with the fewest amounts.
 */
export function readAmounts(tail: string): number[] {
  const tokens = tail.trim().split(/\s+/).filter((t) => /^\d+$/.test(t));
  if (!tokens.length) return [];
  const splits = amountSplits(tokens);
  const adds = splits.filter((s) => s.length >= 2 && s[s.length - 1] === s.slice(0, -1).reduce((a, b) => a + b, 0));
  const pool = adds.length ? adds : splits;
  pool.sort((a, b) => a.length - b.length);
  return pool[0] ?? [];
}

/** A table row split into its label and amounts; percent and dates (tjänst %, tidsperiod) set apart. */
export interface TableRow {
  label: string;
  /** Offsets of the label within the row's text. */
  labelStart: number;
  labelEnd: number;
  percent: number | null;
  amounts: number[];
}

const PERCENT = /(\d{1,3})\s?%/g;
// OCR puts spaces after the hyphens of a date ("24- 09- 01").
const DATE = /\b\d{2,4}-\s?\d{1,2}-\s?\d{1,2}\b/g;
const ENUMERATION = /^[\s|]*\d{1,2}\s*[.,)]\s*/;
/** A dot between thousands groups ("1.095.000"), as spreadsheets exported with other locales write them. */
const DOTTED_THOUSANDS = /(?<=\d)\.\s?(?=\d{3}(?!\d))/g;
/**
 * The tjänst % column where OCR read "%" as digits ("75%" → "7596", "100%" → "10026"): the
 * number just before the row's date columns, cut to the percent it starts with.
 */
const PERCENT_BEFORE_DATES = /(?<=\s)(\d{2,5})(?=\s+\d{2,4}-\s?\d{1,2}-)/;

function damagedPercent(token: string): number | null {
  const n = Number(token);
  if (n > 0 && n <= 100) return n;
  for (const len of [3, 2]) {
    const head = Number(token.slice(0, len));
    if (token.length > len && head > 0 && head <= 100) return head;
  }
  return null;
}


export function parseRow(row: string): TableRow {
  const percents = [...row.matchAll(PERCENT)].map((m) => Number(m[1]));
  // Blank out (same length) so offsets stay valid for the label. The row's own number ("1.")
  // is kept apart from dotted thousands ("1.095.000", OCR "1. 095. 000").
  const numbering = /^[\s|]*\d{1,2}\s*[.,)]/.exec(row)?.[0].length ?? 0;
  let clean = row.slice(0, numbering) + row.slice(numbering).replace(DOTTED_THOUSANDS, (m) => ' '.repeat(m.length));
  if (!percents.length) {
    const damaged = PERCENT_BEFORE_DATES.exec(clean.slice(numbering));
    const value = damaged ? damagedPercent(damaged[1]) : null;
    if (damaged && value !== null) {
      percents.push(value);
      const at = numbering + damaged.index;
      clean = clean.slice(0, at) + ' '.repeat(damaged[1].length) + clean.slice(at + damaged[1].length);
    }
  }
  clean = clean.replace(PERCENT, (m) => ' '.repeat(m.length)).replace(DATE, (m) => ' '.repeat(m.length));
  // Specks and rules at the row's ends ("- Lokalhyra 72.000 72.000 -", "… 650000 650000 =").
  clean = clean.replace(/[\s\-=|>»«"”“']+$/, (m) => ' '.repeat(m.length));
  clean = clean.replace(/\b(?:kr|kronor|sek)\b\.?|:-/gi, (m) => ' '.repeat(m.length));
  const enumeration = ENUMERATION.exec(clean);
  const from = enumeration ? enumeration[0].length : 0;
  const tail = /(?:\s+\d+)+\s*$|^\s*\d+(?:\s+\d+)*\s*$/.exec(clean.slice(from));
  const tailStart = tail ? from + tail.index : clean.length;
  let labelStart = from;
  let labelEnd = tailStart;
  while (labelStart < labelEnd && /[\s|:.,;_\-=>»«"”“']/.test(clean[labelStart])) labelStart++;
  while (labelEnd > labelStart && /[\s|:.,;_]/.test(clean[labelEnd - 1])) labelEnd--;
  return {
    label: clean.slice(labelStart, labelEnd).replace(/\s+/g, ' '),
    labelStart,
    labelEnd,
    percent: percents[0] ?? null,
    amounts: tail ? readAmounts(tail[0]) : [],
  };
}
