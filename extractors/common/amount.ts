// Swedish money expressions: "5 900 000 kr", "maximalt 355 000 kronor", "1,5 mnkr", "1 050 tkr",
// "150 000:-", "kr 150 000", "1.540.400", with spaces, non-breaking or thin spaces or dots as
// thousands separators and a comma as the decimal sign.

export interface AmountMatch {
  /** Whole kronor. */
  value: number;
  /** Offsets of the whole expression (number and unit) in the searched text. */
  start: number;
  end: number;
}

// Thousands groups (space or dot) with an optional decimal comma, else a plain/decimal number.
const NUMBER = String.raw`\d{1,3}(?:[ .]\d{3})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?`;
const MILLION = String.raw`mnkr|mkr|msek|mn\s?kr|milj(?:oner|\.)?(?:\s*(?:kronor|kr|sek))?|miljon(?:er)?\s+(?:kronor|kr)`;
const THOUSAND = String.raw`tkr|tsek|t\s?kr|tusen(?:\s+(?:kronor|kr|sek))?`;
const KRONOR = String.raw`kronor|kr\b\.?|sek\b|:-`;
const SUFFIXED = new RegExp(
  String.raw`(?<![\d.,])(${NUMBER})\s?(?:(${MILLION})|(${THOUSAND})|(${KRONOR}))`,
  'giu',
);
const PREFIXED = new RegExp(String.raw`\b(?:kr|sek)\.?\s?(${NUMBER})(?![\d]|\s?(?:kr|kronor|sek|mnkr|tkr))`, 'giu');
const BARE = new RegExp(String.raw`(?<![\d.,:/-])(${NUMBER})(?![\d]|\s?%|\s?procent|-\d)`, 'gu');

/** Unicode spaces that typesetting puts between thousands, as ordinary spaces (same length). */
export function normaliseSpaces(text: string): string {
  return text.replace(/[\u00a0\u2007\u2009\u202f\u2002-\u2006]/g, ' ');
}

/** The number in a matched token, in units (not yet multiplied). */
function parseNumber(token: string, decimalFirstGroup: boolean): number {
  const t = token.replace(/\s/g, ' ');
  const grouped = /^\d{1,3}(?:[ .]\d{3})+(?:,\d+)?$/.test(t);
  if (grouped && !(decimalFirstGroup && /^\d{1,3}[.,]\d{3}$/.test(t))) {
    return Number(t.replace(/[ .]/g, '').replace(',', '.'));
  }
  return Number(t.replace(/ /g, '').replace(',', '.'));
}

/** Every amount expression with a unit (kr, kronor, SEK, :-, tkr, mnkr, miljoner …) in a text. */
export function findAmounts(text: string, options: { bare?: boolean } = {}): AmountMatch[] {
  const src = normaliseSpaces(text);
  const found: AmountMatch[] = [];
  for (const m of src.matchAll(SUFFIXED)) {
    const [whole, num, million, thousand] = m;
    const factor = million ? 1e6 : thousand ? 1e3 : 1;
    const value = Math.round(parseNumber(num, factor === 1e6) * factor);
    if (Number.isFinite(value)) found.push({ value, start: m.index!, end: m.index! + whole.replace(/\s+$/, '').length });
  }
  for (const m of src.matchAll(PREFIXED)) {
    const start = m.index!;
    if (found.some((f) => start < f.end && f.start < start + m[0].length)) continue;
    const value = Math.round(parseNumber(m[1], false));
    if (Number.isFinite(value)) found.push({ value, start, end: start + m[0].length });
  }
  if (options.bare) {
    // Budget tables state sums without a unit; only grouped or large numbers count there.
    for (const m of src.matchAll(BARE)) {
      const start = m.index!;
      if (found.some((f) => start < f.end && f.start < start + m[0].length)) continue;
      const value = Math.round(parseNumber(m[1], false));
      if (/[ .]/.test(m[1]) || value >= 1000) {
        if (isYear(m[1])) continue;
        found.push({ value, start, end: start + m[0].length });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function isYear(token: string): boolean {
  return /^(19|20)\d\d$/.test(token);
}

/**
 * The amount in a text, in whole kronor: the first expression with a unit, else a lone number
 * ("1.540.400", "5 900 000"). Null when the text holds no amount.
 */
export function parseSwedishAmount(text: string): number | null {
  const withUnit = findAmounts(text);
  if (withUnit.length) return withUnit[0].value;
  const src = normaliseSpaces(text).trim();
  const lone = src.match(new RegExp(String.raw`^[^\d]{0,30}?(${NUMBER})[^\d]{0,10}$`, 'u'));
  if (!lone || /%|procent/i.test(src)) return null;
  const value = Math.round(parseNumber(lone[1], false));
  return Number.isFinite(value) ? value : null;
}
