import { readFileSync, readdirSync } from 'node:fs';
import { DocumentText } from '../../../extractors/document-text.js';
import { extractApplication } from '../../../extractors/application/index.js';
import { foldSwedish } from '../../../extractors/common/index.js';

// The corpus's own tune-split applications (holdout ones are never looked at here).
const dir = new URL('../../../corpus/', import.meta.url);
const cases = readdirSync(new URL('truth/', dir))
  .filter((f) => f.startsWith('app-'))
  .map((f) => JSON.parse(readFileSync(new URL(`truth/${f}`, dir), 'utf8')))
  .filter((t) => t.split === 'tune');

const fold = (v: unknown): unknown =>
  typeof v === 'string' ? foldSwedish(v).toLowerCase() : Array.isArray(v) ? v.map(fold) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fold(x)])) : v;

describe.each(cases.map((t) => [t.file, t]))('%s', (file, t) => {
  const truth = t.documents[0];
  const ocr = /damageText\('ocr'/.test(t.source);
  const { fields } = extractApplication(DocumentText.fromText(readFileSync(new URL(file, dir), 'utf8')));

  it.each(['title', 'owner', 'partners', 'municipalities', 'period', 'amount_sek', 'participants_per_year', 'staffing', 'budget'])('reads %s', (name) => {
    expect(fold((fields as Record<string, { value: unknown } | undefined>)[name]?.value ?? null)).toEqual(fold(truth[name]));
  });

  it('reads the goals (kinds and count; text too where OCR did not damage it)', () => {
    const goals = fields.goals!.value;
    expect(goals.map((g) => g.kind)).toEqual(truth.goals.map((g: { kind: string }) => g.kind));
    if (!ocr) expect(fold(goals)).toEqual(fold(truth.goals));
  });

  it('reads the signatories (organisation and date; names too where OCR did not damage them)', () => {
    const got = fields.signatories!.value;
    expect(got.map((s) => [s.organisation, s.date])).toEqual(truth.signatories.map((s: { organisation: string; date: string }) => [s.organisation, s.date]));
    if (!ocr) expect(fold(got)).toEqual(fold(truth.signatories));
  });
});
