// Writes the corpus's own ansökan forms (corpus/documents/app-*.txt) and their ground truth
// (corpus/truth/app-*.json) from one spec each, so text and truth cannot drift apart. Some are
// born clean, some are passed through the repair issue's damage model (English-OCR damage,
// bullets read as "e"/"o"/"«", as seed 003 shows). Run: npx tsx corpus/make-damaged.ts
import { writeFileSync } from 'node:fs';
import { damageText, type DamageMode } from '../pipeline/repair/index.js';

interface Row { label: string; amount: number; percent?: number; from?: string; to?: string }
interface Signer { org: string; date: string; name: string; role?: string; owner?: boolean; email: string }
interface Spec {
  name: string;
  split: 'tune' | 'holdout';
  /** Base name of the decision that belongs to this application, if the corpus holds one. */
  caseWith?: string;
  damage?: { mode: DamageMode; seed: number };
  title: string;
  owner: string;
  partners: string[];
  municipalities: string[];
  start: string;
  end: string;
  intakeEnd: string;
  participants: number;
  goals: { overall: string[]; effect: string[]; activity: string[]; result?: string[] };
  salaries: Row[];
  costs: Row[];
  /** The detailed table's stated total when it differs from the lines' sum (a budget that does not add up). */
  statedTotal?: number;
  /** Amounts written in thousands, as the form's "Kostnader i tkr" asks. */
  tkr?: boolean;
  signers: Signer[];
  layout: { bullet: string; inline: boolean; longDates: boolean; compactNumbers: boolean };
  flags: { code: string; field: string; other: null }[];
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const longDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

function money(n: number, compact: boolean): string {
  return compact ? String(n) : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Wraps a paragraph at ~92 characters, as the form's text boxes do. */
function wrap(text: string, width = 92): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && (line + ' ' + w).length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

function render(s: Spec): string {
  const L = s.layout;
  const unit = s.tkr ? 1000 : 1;
  const amt = (n: number) => money(Math.round(n / unit), L.compactNumbers);
  const field = (label: string, value: string) => (L.inline ? [`${label}: ${value}`, ''] : [label, '', value, '']);
  const bullets = (goals: string[]) => goals.flatMap((g) => wrap(g).map((l, i) => (i === 0 ? `${L.bullet} ${l}` : l)).concat(''));
  const lines = s.salaries.reduce((a, r) => a + r.amount, 0) + s.costs.reduce((a, r) => a + r.amount, 0);
  const total = s.statedTotal ?? lines;
  const salarySum = s.salaries.reduce((a, r) => a + r.amount, 0);
  const rent = s.costs.filter((c) => c.label === 'Lokalhyra');
  const other = s.costs.filter((c) => c.label !== 'Lokalhyra');
  const otherSum = other.reduce((a, r) => a + r.amount, 0);
  const yymmdd = (iso: string) => iso.slice(2);
  const out: string[] = [
    'Ansökan om medel',
    'Samverkansinsatser inom Samordningsförbundet',
    '',
    '(Se även bilaga "Instruktioner för ansökan samverkansinsatser inom samordningsförbundet". Rubriker',
    'med * har förklarande/stödjande text i bilagan.) Ansökan ska även skickas in elektroniskt i Word-format.',
    '',
    ...field('Insatsens namn', s.title),
    'Insatsägare (*)', '', `Organisation: ${s.owner}`, '',
    'Samverkansparter (*)', '', ...s.partners.map((p) => `Organisation: ${p}`), '',
    'Beskriv syftet med insatsen (*)', '',
    ...wrap(`Syftet är att genom samordnade insatser från ${[s.owner, ...s.partners].join(', ')} ge stöd till personer som står långt från arbetsmarknaden så att de närmar sig arbete eller studier.`), '',
    'Beskriv målen med insatsen (*)', '',
    'Övergripande mål:', ...bullets(s.goals.overall),
    'Effektmål:', ...bullets(s.goals.effect),
    'Insatsmål:', ...bullets(s.goals.activity),
    ...(s.goals.result ? ['Resultatmål:', ...bullets(s.goals.result)] : []),
    'Beskriv bakgrunden till/behovet av insatsen (*)', '',
    ...wrap('I dagsläget saknas en samlad struktur för att möta individer med behov av samordnade arbetslivsinriktade insatser. Parterna ser ett behov av ett gemensamt arbetssätt.'), '',
    'Planerad insatstid', '',
    `Planerat startdatum: ${s.start}`, '',
    `Planerat slutdatum: ${s.end}`, '',
    `Planerat slutdatum för intag av personer i insatsen: ${s.intakeEnd}`, '',
    'Beskriv målgrupp för insatsen (*)', '',
    ...wrap('Målgruppen är personer i arbetsför ålder som står utanför arbetsmarknaden och har behov av samordnade insatser från fler än en part.'), '',
    `Ange förväntat antal deltagare: Minst ${s.participants} per år`, '',
    'Beskriv metod/metoder ni kommer använda (*)', '',
    ...wrap('Deltagarna får en personlig handledare som samordnar kontakterna med parterna och följer upp handlingsplanen varje månad.'), '',
    'Ange budget/finansiering (separat budget ska bifogas enligt mall)', '',
    `${money(total, L.compactNumbers)} kr`, '',
    'Överenskommelse', '(Texten under hela detta avsnitt skall stå kvar orörd)', '',
    'Underskrifter', '',
    ...wrap('Inför behandling av Samordningsförbundets arbetsutskott/styrelse för beslut skall samtliga parters behöriga beslutsfattare ha skrivit under och ställt sig bakom ansökan.'), '',
  ];
  for (const g of s.signers) {
    const who = g.owner ? 'Insatsägare' : 'Samverkanspart';
    const date = L.longDates && g.date.length === 10 ? longDate(g.date) : g.date;
    out.push(
      'Underskrift (*)', '',
      `Organisation och datum ${g.org} ${date}`.trimEnd(), '',
      `${who} (namn)`, '',
      `${who} (namnförtydligande) ${g.name}${g.role ? `, ${g.role}` : ''}`, '',
      `E-post: ${g.email}`,
      'Insatsens namn', s.title, '',
    );
  }
  out.push(
    'Budget - detaljerad',
    `Insatsens löptid: ${s.start} ${s.end}`, '',
    'Kostnader att rekvirera från Samordningsförbundet',
    s.tkr ? 'Kostnader i tkr (belopp anges i tusental kronor)' : 'Kostnader i tkr', '',
    `${s.owner} ALLA INSATSÄGARE`,
    'Lönekostnader tjänst % tidsperiod (ååmmdd)',
    'inkl PO-pålägg från till',
    ...s.salaries.map((r, i) => `${i + 1}. ${r.label} ${r.percent}% ${yymmdd(r.from ?? s.start)} ${yymmdd(r.to ?? s.end)} ${amt(r.amount)} ${amt(r.amount)}`),
    `${s.salaries.length + 1}. 0% 0`,
    `Summa lönekostnader ${amt(salarySum)} ${amt(salarySum)}`,
    'Lokalkostnader',
    ...rent.map((r) => `${r.label} ${amt(r.amount)} ${amt(r.amount)}`),
    'Övriga lokalkostnader 0',
    `Summa lokalkostnader ${amt(rent.reduce((a, r) => a + r.amount, 0))} ${amt(rent.reduce((a, r) => a + r.amount, 0))}`,
    'Övriga kostnader',
    'Utvärdering 0',
    'Inköpta utredningar, utbildningar och',
    'tjänster avsedda för deltagare 0',
    ...other.map((r) => `${r.label} ${amt(r.amount)} ${amt(r.amount)}`),
    `Summa övriga kostnader ${amt(otherSum)} ${amt(otherSum)}`,
    `Totalt från Samordningsförbundet ${amt(total)} ${amt(total)}`,
    'Egenfinansiering',
    'Lönekostnader inkl po-pålägg tjänst i %',
    '1. 0% 0',
    'Summa egenfinansiering 0 0',
    `Total kostnad för insatsen ${amt(total)} ${amt(total)}`, '',
    'Budgetsammanställning',
    `Projektets löptid ${s.start} ${s.end}`,
    'Kostnader i tkr Att rekvirera från Samordningsförbundet Projektägarnas egenfinansiering Totalt projektet',
    'Huvudinsatsägare',
    `${s.owner} ${amt(total)} 0 ${amt(total)}`,
    ...s.partners.flatMap((p, i) => [`Delinsatsägare ${i + 1}`, `${p} 0 0 0`]),
    `Summa ${amt(total)} 0 ${amt(total)}`, '',
  );
  return out.join('\n');
}

/** OCR reads round bullets as letters; seed 003 shows "e", "o" and "«". */
function ocrBullets(text: string, bullet: string, seed: number): string {
  const glyphs = ['e', 'o', 'e', '«'];
  let i = seed;
  return text.split('\n').map((l) => (l.startsWith(`${bullet} `) ? `${glyphs[i++ % glyphs.length]}${l.slice(bullet.length)}` : l)).join('\n');
}

function truth(s: Spec) {
  const staffing: { role: string; percent: number; count: number }[] = [];
  for (const r of s.salaries) {
    const role = r.label[0].toLowerCase() + r.label.slice(1);
    const same = staffing.find((x) => x.role === role && x.percent === r.percent);
    if (same) same.count++;
    else staffing.push({ role, percent: r.percent!, count: 1 });
  }
  const lines = [...s.salaries, ...s.costs].map((r) => ({ label: r.label, amount_sek: r.amount }));
  const total = s.statedTotal ?? lines.reduce((a, r) => a + r.amount_sek, 0);
  const goals = (['overall', 'effect', 'activity', 'result'] as const).flatMap((kind) => (s.goals[kind] ?? []).map((text) => ({ kind, text })));
  return {
    file: `documents/${s.name}.txt`,
    split: s.split,
    source: `written for arende by corpus/make-damaged.ts${s.damage ? `, damaged with damageText('${s.damage.mode}', seed ${s.damage.seed})` : ', born clean'}`,
    documents: [{
      pages: [1, 1], kind: 'application', language: 'swe',
      title: s.title, owner: s.owner, partners: s.partners, municipalities: s.municipalities,
      period: { start: s.start, end: s.end }, amount_sek: total, outcome: null, applied: null,
      goals, staffing, participants_per_year: s.participants,
      budget: { total_sek: total, lines },
      signatories: s.signers.map((g) => ({ name: g.name, role: g.role ?? null, organisation: g.org.replace(/ \S+ län$/, ''), date: g.date.length === 10 ? g.date : null })),
      flags: s.flags, case_with: s.caseWith ?? null,
    }],
  };
}

const common = { layout: { bullet: '•', inline: false, longDates: false, compactNumbers: false }, flags: [] };

export const SPECS: Spec[] = [
  {
    ...common, name: 'app-01_steg-mot-arbete', split: 'tune', caseWith: 'dec-01_steg-mot-arbete-tierp',
    title: 'Steg mot arbete i Tierp', owner: 'Tierps kommun', partners: ['Arbetsförmedlingen', 'Försäkringskassan', 'Region Uppsala'], municipalities: ['Tierp'],
    start: '2023-03-01', end: '2025-02-28', intakeEnd: '2024-11-30', participants: 25,
    goals: {
      overall: ['Fler personer i Tierps kommun ska närma sig arbete eller studier genom samordnat stöd från parterna.', 'Parterna ska ha ett gemensamt och hållbart arbetssätt för personer med behov av samordnade insatser.'],
      effect: ['Att minst 40 procent av deltagarna har gått vidare till arbete, studier eller annan insats vid avslut.'],
      activity: ['Att varje deltagare har en upprättad handlingsplan inom tre veckor från start.', 'Att styrgruppen träffas fyra gånger per år och följer upp insatsens mål.', 'Att minst 25 deltagare skrivs in i insatsen per år.'],
    },
    salaries: [{ label: 'Arbetsmarknadskonsulent', percent: 100, amount: 1180000 }, { label: 'Projektledare', percent: 25, amount: 310000 }],
    costs: [{ label: 'Lokalhyra', amount: 72000 }, { label: 'Resor', amount: 15000 }, { label: 'Utbildning insatsmedarbetare', amount: 25000 }],
    signers: [
      { org: 'Tierps kommun', date: '2022-10-03', name: 'Lena Öberg', role: 'arbetsmarknadschef', owner: true, email: 'lena.oberg@tierp.se' },
      { org: 'Arbetsförmedlingen', date: '2022-10-05', name: 'Jonas Bäck', role: 'sektionschef', email: 'jonas.back@arbetsformedlingen.se' },
      { org: 'Försäkringskassan', date: '2022-10-07', name: 'Maria Ström', email: 'maria.strom@forsakringskassan.se' },
    ],
  },
  {
    ...common, name: 'app-02_gemensam-vag', split: 'tune', caseWith: 'dec-02_gemensam-vag', layout: { bullet: '-', inline: true, longDates: true, compactNumbers: true },
    title: 'Gemensam väg framåt', owner: 'Arbetsförmedlingen', partners: ['Heby kommun', 'Östhammars kommun', 'Försäkringskassan'], municipalities: ['Heby', 'Östhammar'],
    start: '2023-08-01', end: '2024-07-31', intakeEnd: '2024-04-30', participants: 30,
    goals: {
      overall: ['Att fler unga vuxna i Heby och Östhammar kommer i arbete eller studier.'],
      effect: ['Minskat antal unga vuxna med långvarigt försörjningsstöd i båda kommunerna.', 'Ökad kunskap hos parterna om varandras uppdrag och regelverk.'],
      activity: ['Att 30 deltagare per år får individuellt stöd av en gemensam handläggare.', 'Att två gemensamma utbildningsdagar för parternas personal genomförs under året.'],
      result: ['Att minst hälften av deltagarna har en planerad sysselsättning vid avslut.'],
    },
    salaries: [{ label: 'Handläggare', percent: 50, amount: 320000 }, { label: 'Handläggare', percent: 50, amount: 320000 }],
    costs: [{ label: 'Lokalhyra', amount: 36000 }, { label: 'Telefon-, IT-kostnader', amount: 6000 }, { label: 'Informationsmaterial', amount: 12000 }],
    // The stated total is 40 000 more than the lines: the form's sums were not updated.
    statedTotal: 734000,
    signers: [
      { org: 'Arbetsförmedlingen', date: '2023-05-22', name: 'Peter Lindqvist', role: 'enhetschef', owner: true, email: 'peter.lindqvist@arbetsformedlingen.se' },
      { org: 'Heby kommun', date: '2023-05-24', name: 'Sofia Åkesson', role: 'socialchef', email: 'sofia.akesson@heby.se' },
      { org: 'Östhammars kommun', date: '2023-05-', name: 'Erik Sjöström', email: 'erik.sjostrom@osthammar.se' },
    ],
    flags: [{ code: 'budget_sum_mismatch', field: 'budget', other: null }],
  },
  {
    ...common, name: 'app-03_lotsen', split: 'holdout', layout: { bullet: '•', inline: false, longDates: false, compactNumbers: true },
    title: 'Lotsen – stöd till egen försörjning', owner: 'Knivsta kommun', partners: ['Region Uppsala', 'Arbetsförmedlingen'], municipalities: ['Knivsta'],
    start: '2024-01-01', end: '2024-12-31', intakeEnd: '2025-03-31', participants: 12,
    goals: {
      overall: ['Att personer med långvarigt försörjningsstöd i Knivsta kommun ska nå egen försörjning.'],
      effect: ['Att 30 procent av deltagarna är självförsörjande ett år efter avslut.'],
      activity: ['Att en lots finns tillgänglig för deltagarna varje vardag.', 'Att samtliga deltagare erbjuds hälsosamtal via vårdcentralen inom en månad.'],
    },
    salaries: [{ label: 'Lots', percent: 75, amount: 480000 }],
    costs: [{ label: 'Resor', amount: 8000 }, { label: 'Tolk', amount: 20000 }],
    signers: [
      { org: 'Knivsta kommun', date: '2023-09-18', name: 'Karin Holmgren', role: 'förvaltningschef', owner: true, email: 'karin.holmgren@knivsta.se' },
      { org: 'Region Uppsala', date: '2023-09-20', name: 'Ali Hassan', email: 'ali.hassan@regionuppsala.se' },
    ],
    flags: [{ code: 'invalid_period', field: 'period', other: null }],
  },
  {
    ...common, name: 'app-04_ocr-vagen-vidare', split: 'tune', damage: { mode: 'ocr', seed: 4 },
    title: 'Vägen vidare i Östhammar', owner: 'Östhammars kommun', partners: ['Försäkringskassan', 'Arbetsförmedlingen', 'Region Uppsala'], municipalities: ['Östhammar'],
    start: '2022-09-01', end: '2024-08-31', intakeEnd: '2024-05-31', participants: 20,
    goals: {
      overall: ['Att öka möjligheterna till självförsörjning för personer som står långt från arbetsmarknaden i Östhammars kommun.', 'Att förbättra samverkan mellan kommunen, Försäkringskassan, Arbetsförmedlingen och regionen.'],
      effect: ['Att 50 procent av deltagarna upplever förbättrad hälsa och ökad förmåga att delta i arbetslivet.', 'Att parterna har gemensamma rutiner för överlämning av ärenden.'],
      activity: ['Att minst 20 personer per år deltar i insatsen.', 'Att varje deltagare träffar sin coach minst en gång i veckan.', 'Att gemensamma planeringsmöten hålls med berörda parter för samtliga deltagare.'],
    },
    salaries: [{ label: 'Arbetscoach', percent: 100, amount: 1050000 }, { label: 'Arbetsterapeut', percent: 50, amount: 560000 }],
    costs: [{ label: 'Lokalhyra', amount: 96000 }, { label: 'Telefon-, IT-kostnader', amount: 12000 }, { label: 'Resor', amount: 24000 }, { label: 'Informationsmaterial', amount: 5000 }],
    signers: [
      { org: 'Östhammars kommun', date: '2022-05-30', name: 'Göran Åström', role: 'socialchef', owner: true, email: 'goran.astrom@osthammar.se' },
      { org: 'Försäkringskassan', date: '2022-06-01', name: 'Helena Nordström', email: 'helena.nordstrom@forsakringskassan.se' },
      { org: 'Arbetsförmedlingen Uppsala län', date: '2022-06-', name: 'Mats Öhman', email: 'mats.ohman@arbetsformedlingen.se' },
    ],
  },
  {
    ...common, name: 'app-05_ocr-tkr-heby', split: 'holdout', damage: { mode: 'ocr', seed: 5 }, tkr: true,
    title: 'Hälsa och arbete i Heby', owner: 'Heby kommun', partners: ['Region Uppsala', 'Försäkringskassan'], municipalities: ['Heby'],
    start: '2023-01-01', end: '2023-12-31', intakeEnd: '2023-10-31', participants: 10,
    goals: {
      overall: ['Att deltagarna får bättre hälsa och kommer närmare arbetsmarknaden.'],
      effect: ['Att 60 procent av deltagarna skattar sin hälsa högre vid avslut än vid start.'],
      activity: ['Att tio deltagare per år erbjuds fysisk aktivitet två gånger i veckan.', 'Att varje deltagare har ett samtal med fysioterapeut inom två veckor.'],
    },
    salaries: [{ label: 'Fysioterapeut', percent: 50, amount: 340000 }],
    costs: [{ label: 'Lokalhyra', amount: 40000 }, { label: 'Övriga aktiviteter för deltagare', amount: 30000 }],
    signers: [
      { org: 'Heby kommun', date: '2022-11-14', name: 'Anders Wästberg', role: 'kommundirektör', owner: true, email: 'anders.wastberg@heby.se' },
      { org: 'Region Uppsala', date: '2022-11-16', name: 'Eva Lönn', email: 'eva.lonn@regionuppsala.se' },
    ],
  },
  {
    ...common, name: 'app-06_strip-alvkarleby', split: 'tune', damage: { mode: 'strip', seed: 6 }, layout: { bullet: '–', inline: true, longDates: false, compactNumbers: false },
    title: 'Unga vuxna i Älvkarleby', owner: 'Älvkarleby kommun', partners: ['Arbetsförmedlingen', 'Försäkringskassan', 'Region Uppsala', 'Tierps kommun'], municipalities: ['Älvkarleby', 'Tierp'],
    start: '2023-04-01', end: '2025-03-31', intakeEnd: '2024-12-31', participants: 18,
    goals: {
      overall: ['Att unga vuxna 18–29 år i Älvkarleby och Tierp som varken arbetar eller studerar ska komma vidare till arbete eller studier.'],
      effect: ['Att 45 procent av deltagarna börjar studera eller arbeta inom sex månader efter avslut.'],
      activity: ['Att kommunernas aktivitetsansvar och parterna har gemensamma träffar varje månad.', 'Att 18 unga vuxna per år skrivs in i insatsen.'],
      result: ['Att en modell för samverkan kring unga vuxna är dokumenterad vid insatsens slut.'],
    },
    salaries: [{ label: 'Studie- och yrkesvägledare', percent: 100, amount: 1240000 }],
    costs: [{ label: 'Lokalhyra', amount: 48000 }, { label: 'Resor', amount: 18000 }, { label: 'Spridningsseminarier', amount: 15000 }],
    signers: [
      { org: 'Älvkarleby kommun', date: '2023-01-16', name: 'Björn Sandén', role: 'tf socialchef', owner: true, email: 'bjorn.sanden@alvkarleby.se' },
      { org: 'Tierps kommun', date: '2023-01-18', name: 'Ulla Fäldt', role: 'arbetsmarknadschef', email: 'ulla.faldt@tierp.se' },
    ],
  },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = new URL('.', import.meta.url).pathname;
  for (const s of SPECS) {
    let text = render(s);
    if (s.damage) {
      text = damageText(text, s.damage.seed, s.damage.mode);
      if (s.damage.mode === 'ocr') text = ocrBullets(text, s.layout.bullet, s.damage.seed);
    }
    writeFileSync(`${dir}documents/${s.name}.txt`, text);
    writeFileSync(`${dir}truth/${s.name}.json`, JSON.stringify(truth(s), null, 2) + '\n');
  }
  console.log(`wrote ${SPECS.length} applications`);
}
