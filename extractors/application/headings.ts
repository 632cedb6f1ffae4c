// The printed headings of the ansökan form, in form order. A section runs from its heading to
// the next heading of any kind; damaged OCR of a heading is still found (labels.ts).

export const LABELS = {
  title: ['Insatsens namn'],
  owner: ['Insatsägare (*)', 'Insatsägare'],
  partners: ['Samverkansparter (*)', 'Samverkansparter'],
  organisation: ['Organisation:'],
  goals: ['Beskriv målen med insatsen', 'Mål med insatsen'],
  start: ['Planerat startdatum'],
  end: ['Planerat slutdatum'],
  intakeEnd: ['Planerat slutdatum för intag'],
  participants: ['Ange förväntat antal deltagare', 'Förväntat antal deltagare'],
  applied: ['Ange budget/finansiering'],
  signature: ['Underskrift (*)'],
  signatureOrganisation: ['Organisation och datum'],
  signatureName: ['Insatsägare (namnförtydligande)', 'Samverkanspart (namnförtydligande)', 'Namnförtydligande'],
  budgetDetailed: ['Budget - detaljerad', 'Kostnader att rekvirera från Samordningsförbundet'],
  budgetTotal: ['Totalt från Samordningsförbundet'],
  ownFinancing: ['Egenfinansiering'],
  budgetSummary: ['Budgetsammanställning'],
  summaryTotal: ['Summa'],
} as const;

/** Headings that end the section before them. */
export const SECTION_HEADINGS: readonly string[] = [
  'Insatsens namn', 'Insatsägare (*)', 'Samverkansparter (*)', 'Beskriv syftet med insatsen',
  'Beskriv målen med insatsen', 'Beskriv bakgrunden till/behovet av insatsen', 'Planerad insatstid',
  'Planerat startdatum', 'Beskriv målgrupp för insatsen', 'Ange förväntat antal deltagare',
  'Beskriv metod', 'Beskriv hur ni tänker ta tillvara', 'Ange budget/finansiering',
  'Har ansökan diskuterats', 'Överenskommelse', 'Underskrifter', 'Underskrift (*)',
  'Budget - detaljerad', 'Budgetsammanställning', 'Beskriv',
];

/** The goal kinds' sub-headings inside the goals section. */
export const GOAL_HEADINGS = [
  { kind: 'overall', labels: ['Övergripande mål', 'Övergripande målsättning'] },
  { kind: 'effect', labels: ['Effektmål'] },
  { kind: 'activity', labels: ['Insatsmål', 'Aktivitetsmål'] },
  { kind: 'result', labels: ['Resultatmål'] },
] as const;
