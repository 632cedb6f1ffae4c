// The same ansökan form as other applicants fill it in and other loaders deliver it: answers on
// the label's line, Word cells one per line (mammoth), dotted and tkr amounts, damaged budget
// headings, two-cell signatures, kommun names OCR or repair left wrong.
import { DocumentText } from '../../../extractors/document-text.js';
import { extractApplication } from '../../../extractors/application/index.js';
import { appliedAmount, keepSourceDiacritics } from '../../../extractors/application/extract.js';
import { printedCostLabel, subheading } from '../../../extractors/application/budget.js';
import { parseRow } from '../../../extractors/application/numbers.js';
import { settleOrganisation, spellKommunNames, twinPicker } from '../../../extractors/application/places.js';

const extract = (text: string) => extractApplication(DocumentText.fromText(text)).fields;
/** Paragraphs and cells as mammoth's raw text gives them: each followed by a blank line. */
const docx = (...cells: string[]) => cells.map((c) => `${c}\n\n`).join('');

describe('the amount applied for', () => {
  it.each([
    ['2.500.000 kr', 2500000],
    ['1 362 tkr', 1362000],
    ['985000 kr', 985000],
    ['1 370 000 kr', 1370000],
    ['1 540 400', 1540400],
  ])('reads "%s" as %d', (text, value) => {
    expect(appliedAmount(text)).toBe(value);
  });

  it('reads no amount from prose', () => {
    expect(appliedAmount('Se bifogad budget, ca 1 mnkr per år för två år')).toBeNull();
  });

  it('skips the label\'s own "(separat budget ska bifogas enligt mall)" and reads the next cell', () => {
    const fields = extract(docx('Ange budget/finansiering (separat budget ska bifogas enligt mall)', '1 370 000 kr', 'Överenskommelse'));
    expect(fields.amount_sek?.value).toBe(1370000);
  });
});

describe('labels and their values', () => {
  it('reads the title under "Insatsens namn (*)", not "(*)"', () => {
    expect(extract('Insatsens namn (*)\n\nIPS Uppsala\n\nInsatsägare (*)\n').title?.value).toBe('IPS Uppsala');
  });

  it('reads "Insatsens namn: Jobbspåret" on one line', () => {
    expect(extract('Insatsens namn: Jobbspåret\n\nInsatsägare\nOrganisation: Enköpings kommun\n').title?.value).toBe('Jobbspåret');
  });

  it('takes no partner from an empty "Organisation:" cell followed by the next heading', () => {
    const fields = extract(docx('Samverkansparter (*)', 'Organisation:', 'Arbetsförmedlingen', 'Organisation:', 'Region Uppsala', 'Organisation:', '', 'Beskriv syftet med insatsen (*)', 'Syftet är att ...'));
    expect(fields.partners?.value).toEqual(['Arbetsförmedlingen', 'Region Uppsala']);
  });
});

describe('budget rows', () => {
  it('reads "2. Arbetskonsulent 100% 24-09-01 26-08-31 1.240.000 1.240.000" with dotted thousands', () => {
    expect(parseRow('2. Arbetskonsulent 100% 24-09-01 26-08-31 1.240.000 1.240.000')).toMatchObject({ label: 'Arbetskonsulent', percent: 100, amounts: [1240000, 1240000] });
  });

  it('knows "Lökaikostnåder" (repaired OCR) for the Lokalkostnader heading, and "Lokalhyra" for none', () => {
    expect(subheading('lokaikostnader')).toEqual({ salary: false, whole: true });
    expect(subheading('0vriga kostnader')).toEqual({ salary: false, whole: true });
    expect(subheading('lonekostnader tjanst tidsperiod (aammdd)')).toEqual({ salary: true, whole: false });
    expect(subheading('lokalhyra')).toBeNull();
  });

  it('reads a damaged printed cost label as the form prints it, and leaves an applicant\'s own label alone', () => {
    expect(printedCostLabel('Ovriga aktiviteter féor deltagare')).toBe('Övriga aktiviteter för deltagare');
    expect(printedCostLabel('Inköpta utredningar, utbildningar och tjanster avsedda for deltagare')).toBe('Inköpta utredningar, utbildningar och tjänster avsedda för deltagare');
    expect(printedCostLabel('Utvärdering av insatsen')).toBe('Utvärdering av insatsen');
  });

  const tkrBudget = [
    'Budget - detaljerad', 'Kostnader att rekvirera från Samordningsförbundet', 'Kostnader i tkr',
    'Östhammars kommun ALLA INSATSÄGARE', 'Lönekostnader tjänst % tidsperiod (ååmmdd)', 'inkl PO-pålägg från till',
    '1. Handledare 100% 24-02-01 26-01-31 880 880', '2. Arbetsterapeut 50% 24-02-01 26-01-31 402 402', 'Summa lönekostnader 1 282 1 282',
    'Lökaikostnåder', 'Lokalhyra 48 48', 'Summa lokalkostnader 48 48', 'övriga kostnader', 'Resor 12 12', 'Övriga aktiviteter för deltagare 20 20',
    'Summa övriga kostnader 32 32', 'Totalt från Samordningsförbundet 1 362 1 362', 'Egenfinansiering',
  ].join('\n');

  it('keeps Lokalhyra out of the staffing when OCR damaged the "Lokalkostnader" heading', () => {
    const fields = extract(tkrBudget);
    expect(fields.staffing?.value).toEqual([
      { role: 'handledare', percent: 100, count: 1 },
      { role: 'arbetsterapeut', percent: 50, count: 1 },
    ]);
    expect(fields.budget?.value.total_sek).toBe(1362000);
    expect(fields.budget?.value.lines.find((l) => l.label === 'Lokalhyra')?.amount_sek).toBe(48000);
  });

  it('reads the total of a Word table whose empty cells come out as blank lines', () => {
    const fields = extract(docx(
      'Budget - detaljerad', 'Kostnader i tkr', '', '', '', 'Knivsta kommun', 'ALLA INSATSÄGARE',
      '1. Projektledare', '20%', '24-08-01', '26-07-31', '230 000', '230 000',
      'Lokalhyra', '', '', '', '48 000', '48 000',
      'Totalt från Samordningsförbundet', '', '', '', '278 000', '278 000', 'Egenfinansiering',
    ));
    expect(fields.budget?.value.total_sek).toBe(278000);
    expect(fields.amount_sek?.value).toBe(278000);
  });
});

describe('signatures', () => {
  it('reads organisation and date from two cells, and a title on the line under the name', () => {
    const fields = extract(docx(
      'Underskrift (*)', '', 'Organisation och datum', 'Arbetsförmedlingen', '2024-03-14', 'Samverkanspart (namn)', '',
      'Samverkanspart (namnförtydligande)', 'Lina Berg', 'socialchef', 'E-post:', 'lina.berg@knivsta.se',
    ));
    expect(fields.signatories?.value).toEqual([{ name: 'Lina Berg', role: 'socialchef', organisation: 'Arbetsförmedlingen', date: '2024-03-14' }]);
  });

  it('reads "3 maj 2024" and a title on its own line, but never the e-mail as a title', () => {
    const fields = extract([
      'Underskrift (*)', '', 'Organisation och datum Region Uppsala 6 maj 2024', '', 'Samverkanspart (namn)', '',
      'Samverkanspart (namnförtydligande)', 'Birgitta Ödman', 'divisionschef', '', 'E-post: birgitta.odman@regionuppsala.se',
      'Underskrift (*)', '', 'Organisation och datum Försäkringskassan', '', 'Samverkanspart (namnförtydligande)', 'Tomas Wik', '',
      'tomas.wik@forsakringskassan.se', 'E-post:',
    ].join('\n'));
    expect(fields.signatories?.value).toEqual([
      { name: 'Birgitta Ödman', role: 'divisionschef', organisation: 'Region Uppsala', date: '2024-05-06' },
      { name: 'Tomas Wik', role: null, organisation: 'Försäkringskassan', date: null },
    ]);
  });
});

describe('kommun names', () => {
  it('reads "Habo kommun" as Håbo kommun beside Region Uppsala, and as Habo kommun beside Region Jönköpings län', () => {
    expect(settleOrganisation('Habo kommun', twinPicker(['Habo kommun', 'Region Uppsala'], ''))).toBe('Håbo kommun');
    expect(settleOrganisation('Habo kommun', twinPicker(['Habo kommun', 'Region Jönköpings län'], ''))).toBe('Habo kommun');
  });

  it('settles Håbo by the document\'s own spelling, and leaves an undecided "Habo kommun" alone', () => {
    expect(settleOrganisation('Habo kommun', twinPicker(['Habo kommun', 'Arbetsförmedlingen'], 'Håbo kommun ALLA INSATSÄGARE'))).toBe('Håbo kommun');
    expect(settleOrganisation('Habo kommun', twinPicker(['Habo kommun', 'Arbetsförmedlingen'], ''))).toBe('Habo kommun');
  });

  it('spells a title\'s kommun as the registry does: "Nya steg i 6sthammar", "… i östhammar"', () => {
    expect(spellKommunNames('Nya steg i 6sthammar')).toBe('Nya steg i Östhammar');
    expect(spellKommunNames('Nya steg i östhammar')).toBe('Nya steg i Östhammar');
    expect(spellKommunNames('AKTIVT STÖD MOT ARBETE – OSTHAMMAR')).toBe('AKTIVT STÖD MOT ARBETE – ÖSTHAMMAR');
    expect(spellKommunNames('Att vara med i Tierp')).toBe('Att vara med i Tierp');
  });

  it('reads the whole application\'s Habo as Håbo: owner, kommun, title and signatures', () => {
    const fields = extract([
      'Insatsens namn', 'Samverkan Habo', '', 'Insatsägare (*)', 'Organisation: Habo kommun', '', 'Samverkansparter (*)', 'Organisation: Region Uppsala', '',
      'Beskriv syftet med insatsen (*)', '', 'Underskrift (*)', 'Organisation och datum Habo kommun 3 maj 2024', 'Insatsägare (namnförtydligande) Johan Lindqvist',
    ].join('\n'));
    expect(fields.title?.value).toBe('Samverkan Håbo');
    expect(fields.owner?.value).toBe('Håbo kommun');
    expect(fields.municipalities?.value).toEqual(['Håbo']);
    expect(fields.signatories?.value[0].organisation).toBe('Håbo kommun');
  });
});

describe('repair that lost diacritics', () => {
  it('keeps the source\'s "Jobbspåret" where repair wrote "Jobbsparet", and the repair where it restored them', () => {
    expect(keepSourceDiacritics('Jobbsparet', 'Jobbspåret')).toBe('Jobbspåret');
    expect(keepSourceDiacritics('Hälsa och arbete i Heby', 'Halsa och arbete i Heby')).toBe('Hälsa och arbete i Heby');
    expect(keepSourceDiacritics('Förstärkt stöd', 'Forstarkt stod')).toBe('Förstärkt stöd');
  });
});

describe('a scan as tesseract reads it', () => {
  it('finds "Organisation och datum" behind a speck ("KE | Organisation och datum: Försäkringskassan  -")', () => {
    const fields = extract('Underskrift\n\nKE | Organisation och datum: Försäkringskassan  -\n\nSamverkanspart (namn)\n\ne Samverkanspart (namnförtydligande): Sara Ek Ö\n');
    expect(fields.signatories?.value).toEqual([{ name: 'Sara Ek', role: null, organisation: 'Försäkringskassan', date: null }]);
  });

  it('reads a name under a label whose only value is a speck, and "I kommundirektör -" as the title', () => {
    const fields = extract([
      'Organisation och datum Håbo kommun 3 maj 2024', 'Insatsägare (namnförtydligande)', '  Johan Lindqvist', 'I kommundirektör -', '', 'E- post: johan. lindqvistohabo.s se',
      'Organisation och datum Försäkringskassan 7 maj 2024 |', ' Samverkanspart (namnförtydligande) e', '', '- Tomas Wik', '', ' E- post: tomas. wikQforsakringskassan. se',
    ].join('\n'));
    expect(fields.signatories?.value.map((s) => [s.name, s.role])).toEqual([['Johan Lindqvist', 'kommundirektör'], ['Tomas Wik', null]]);
  });

  it('reads "1. Projektledare 5024 24- 01- 01 25- 12-31 650000 650000 =" as 50 % and 650 000', () => {
    expect(parseRow('1. Projektledare 5024 24- 01- 01 25- 12-31 650000 650000 =')).toMatchObject({ label: 'Projektledare', percent: 50, amounts: [650000, 650000] });
    expect(parseRow('2. Arbetskonsulent 10020 24- 09- 01 26- 08- 31 1. 240. 000 1.240. 000')).toMatchObject({ label: 'Arbetskonsulent', percent: 100, amounts: [1240000, 1240000] });
    expect(parseRow('- Lokalhyra 72.000 72.000 -')).toMatchObject({ label: 'Lokalhyra', amounts: [72000, 72000] });
  });

  it('reads "2.500. 000 kr i" under "Ange budget/finansiering" as 2 500 000', () => {
    expect(extract('Ange budget/finansiering (separat budget ska bifogas enligt mall)\n\n2.500. 000 kr i\n\nÖverenskommelse\n').amount_sek?.value).toBe(2500000);
  });

  it('reads the title behind "> " and without the specks after it', () => {
    expect(extract('”Insatsens namn\n\n> Samverkan Håbo å e\n\nInsatsägare (+) -\n').title?.value).toBe('Samverkan Håbo');
  });

  it('takes no goal from specks after a goal heading, nor the specks after a goal', () => {
    const goals = extract('Beskriv målen med insatsen (*)\n\n-Insatsmål:          o      RR\n\n1) Att teamet har gemensamma ärendedragningar varje vecka.      -\n\n2) Att varje deltagare har en samordnad plan inom fyra veckor.  e\n').goals?.value;
    expect(goals).toEqual([
      { kind: 'activity', text: 'Att teamet har gemensamma ärendedragningar varje vecka.' },
      { kind: 'activity', text: 'Att varje deltagare har en samordnad plan inom fyra veckor.' },
    ]);
  });
});
