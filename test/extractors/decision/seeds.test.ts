import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentText } from '../../../extractors/document-text.js';
import { extractDecision, findMinutesSections } from '../../../extractors/decision/index.js';
import { CONTRACT_FIELDS } from '../../../extractors/fields.js';
import { loadRepairer, type Repairer } from '../../../pipeline/repair/index.js';

const corpus = join(process.cwd(), 'corpus');
const read = (name: string) => readFileSync(join(corpus, 'documents', `${name}.txt`), 'utf8');
const truth = (name: string) => JSON.parse(readFileSync(join(corpus, 'truth', `${name}.json`), 'utf8'));

/** The extractor's values in the truth's shape: absent fields become null / []. */
function asTruth(fields: ReturnType<typeof extractDecision>['fields']) {
  const empty: Record<string, unknown> = { partners: [], municipalities: [], goals: [], staffing: [], signatories: [], period: { start: null, end: null } };
  return Object.fromEntries(CONTRACT_FIELDS.map((k) => [k, fields[k]?.value ?? (k in empty ? empty[k] : null)]));
}

const seeds = readdirSync(join(corpus, 'truth'))
  .map((f) => f.replace(/\.json$/, ''))
  .filter((n) => /^(00[0124]_|dec-)/.test(n) && truth(n).split === 'tune');

describe('extractDecision on the tune decisions of the corpus', () => {
  let repairer: Repairer;
  beforeAll(async () => {
    repairer = await loadRepairer();
  });

  it.each(seeds)('reads every field of %s as its truth states', (name) => {
    const expected = truth(name).documents[0];
    // OCR-damaged texts reach the extractor through the repair stage, as in the pipeline.
    const raw = read(name);
    const text = /damageText/.test(truth(name).note ?? '') ? repairer.repair(raw).text : raw;
    const { fields } = extractDecision(DocumentText.fromText(text, raw));
    const got = asTruth(fields);
    for (const k of CONTRACT_FIELDS) expect([k, got[k]]).toEqual([k, expected[k]]);
  });

  it('gives every value evidence that points at its text', () => {
    const text = read('002_338f5d121b4b992d');
    const { fields } = extractDecision(DocumentText.fromText(text));
    const amount = fields.amount_sek!.evidence[0];
    expect(text.slice(amount.span[0], amount.span[1])).toBe('150 000 kr');
    expect(amount.extractor).toBe('decision/amount_sek');
    expect(fields.owner!.evidence[0].raw).toBe('Älvkarleby kommun');
  });
});

describe('outcomes', () => {
  it('reads "att avslå ansökan" as rejected with no amount or period', () => {
    const { fields } = extractDecision(DocumentText.fromText('Titel X\n\nFörslag till beslut\n\natt avslå ansökan om medel till insatsen Titel X\n\nÄrendet\n\nTierps kommun ansöker om 1,2 mnkr.'));
    expect(fields.outcome!.value).toBe('rejected');
    expect(fields.amount_sek).toBeUndefined();
    expect(fields.applied!.value.amount_sek).toBe(1200000);
  });

  it('leaves outcome empty with a message on "återremittera"', () => {
    const r = extractDecision(DocumentText.fromText(read('dec-04_aterremiss-arbetsforberedande')));
    expect(r.fields.outcome).toBeUndefined();
    expect(r.messages.some((m) => m.field === 'outcome' && /återremittera/.test(m.reason))).toBe(true);
  });

  it('does not read "förbundet beviljas medel" as the grant, and reads folded OCR text', () => {
    const { fields } = extractDecision(DocumentText.fromText('Forslag till beslut\n\natt finansieringen galler under forutsattning att forbundet beviljas medel\n\natt avsla ansokan'));
    expect(fields.outcome!.value).toBe('rejected');
  });
});

describe('findMinutesSections', () => {
  const name = 'min-01_forbundsstyrelsen-2022-03-18';
  const text = read(name);

  it('finds each § and marks the two that decide on an insats', () => {
    const sections = findMinutesSections(text);
    expect(sections.map((s) => [s.number, s.decides])).toEqual([['12', false], ['13', false], ['14', false], ['15', false], ['16', true], ['17', true]]);
    expect(sections[4].heading).toBe('Ansökan om medel till insatsen Arbetsträning i Östhammar');
  });

  it('extracts each deciding § as its truth states', () => {
    const expected = truth(name).documents.filter((d: { kind: string }) => d.kind === 'decision');
    const deciding = findMinutesSections(text).filter((s) => s.decides);
    deciding.forEach((s, i) => {
      const got = asTruth(extractDecision(DocumentText.fromText(text.slice(s.start, s.end))).fields);
      for (const k of CONTRACT_FIELDS) expect([k, got[k]]).toEqual([k, expected[i][k]]);
    });
  });

  it('places the board decision over the proposal when they differ', () => {
    const t = '§ 5 Ansökan om medel till insatsen Y\n\nFörslag till beslut\nFörbundschefen föreslår att styrelsen beviljar ansökan.\n\nBeslut\nStyrelsen beslutar att avslå ansökan.';
    expect(extractDecision(DocumentText.fromText(t)).fields.outcome!.value).toBe('rejected');
  });
});
