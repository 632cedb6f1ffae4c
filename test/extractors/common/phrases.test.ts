import { findGoals, findParticipantsPerYear, findSignatories, findStaffing } from '../../../extractors/common/index.js';

const staff = (text: string) => findStaffing(text).map((s) => [s.role, s.percent, s.count]);

describe('findStaffing', () => {
  it('reads "en processledare för implementeringsarbetet på 75 %"', () => {
    expect(staff('Ansökan omfattar finansiering av en processledare för implementeringsarbetet på 75 % och övriga kringkostnader')).toEqual([['processledare', 75, 1]]);
  });
  it('reads "två arbetssamordnare … på 100 % vardera" as count 2 and skips the definite "samordnaren"', () => {
    const text = 'I insatsens första del ska anställas en samordnare på 100 %. I insatsens andra del kommer samordnaren att arbeta 50 %. I insatsens andra del kommer även två arbetssamordnare att anställas på 100 % vardera.';
    expect(staff(text)).toEqual([['samordnare', 100, 1], ['arbetssamordnare', 100, 2]]);
  });
  it('reads "en resurs på 50 procent" and keeps the adjective of "en operativ resurs"', () => {
    expect(staff('medel för en resurs på 50 procent med syfte att genomföra en förstudie samt för en operativ resurs på 100 procent.')).toEqual([['resurs', 50, 1], ['operativ resurs', 100, 1]]);
  });
  it('reads heltid and "tjänst som" forms, OCR-folded', () => {
    expect(staff('en heltidstjänst som coach')).toEqual([['coach', 100, 1]]);
    expect(staff('tva coacher pa 50 % var')).toEqual([['coach', 50, 2]]);
    expect(staff('en tjänst som samordnare på 80 procent')).toEqual([['samordnare', 80, 1]]);
  });
});

describe('findParticipantsPerYear', () => {
  it('reads "Förväntat antal deltagare i insatsen är 50 deltagare per år"', () => {
    expect(findParticipantsPerYear('Förväntat antal deltagare i insatsen är 50 deltagare per år.')[0].value).toBe(50);
  });
  it('reads "Antal deltagare per år: 40" and "ca 30 deltagare/år"', () => {
    expect(findParticipantsPerYear('Antal deltagare per år: 40')[0].value).toBe(40);
    expect(findParticipantsPerYear('Vi räknar med ca 30 deltagare/år')[0].value).toBe(30);
  });
});

describe('findGoals', () => {
  it('splits "Insatsmålen är att A, att B och att C" into three activity goals', () => {
    const goals = findGoals('Insatsmålen är att processledaren utgör ett stöd, att processledaren stödjer verksamheterna för att implementera rutinen och att förankra rutinen. Resultatmålet för insatsen är att rutinen används.');
    expect(goals.map((g) => [g.kind, g.text])).toEqual([
      ['activity', 'processledaren utgör ett stöd'],
      ['activity', 'processledaren stödjer verksamheterna för att implementera rutinen'],
      ['activity', 'förankra rutinen'],
      ['result', 'rutinen används'],
    ]);
  });
  it('reads "har angetts följande effektmål:" up to the sentence end', () => {
    const goals = findGoals('Inom insatsen har angetts följande effektmål: fyra genomförda lokusgruppsmöten under året. Som insatsmål har angivits: att sammankalla möten samt att genomföra två insatser under året.');
    expect(goals.map((g) => [g.kind, g.text])).toEqual([
      ['effect', 'fyra genomförda lokusgruppsmöten under året'],
      ['activity', 'sammankalla möten'],
      ['activity', 'genomföra två insatser under året'],
    ]);
  });
  it('reads bulleted goals under a heading', () => {
    const goals = findGoals('Övergripande mål:\n- Att ta fram rutiner för samverkan.\n- Främja samverkan lokalt\n\nEffektmal:\n• Lokala rutiner finns.\n');
    expect(goals.map((g) => [g.kind, g.text])).toEqual([
      ['overall', 'Att ta fram rutiner för samverkan'],
      ['overall', 'Främja samverkan lokalt'],
      ['effect', 'Lokala rutiner finns'],
    ]);
  });
});

describe('findSignatories', () => {
  it('reads "Åsa Fichtel, Förbundschef"', () => {
    expect(findSignatories('Uppföljning sker löpande.\n\nÅsa Fichtel, Förbundschef').map(({ name, role, organisation, date }) => ({ name, role, organisation, date })))
      .toEqual([{ name: 'Åsa Fichtel', role: 'Förbundschef', organisation: null, date: null }]);
  });
  it('reads minutes signatures in labelled and stacked forms', () => {
    const s = findSignatories('Justerare: Per Ek\n\nOrdförande\nAnna Berg\n\nSekreterare ..................\nKarin Holm');
    expect(s.map((x) => [x.name, x.role])).toEqual([['Per Ek', 'Justerare'], ['Anna Berg', 'Ordförande'], ['Karin Holm', 'Sekreterare']]);
  });
});

describe('findStaffing on OCR text', () => {
  it('reads the "%" tesseract read as "26." in "en lokussamordnare på 20 26. Ansökan" (scanned seed 002)', () => {
    expect(staff('I projektet ska anställas en lokussamordnare på 20 26. Ansökan sträcker sig över perioden')).toEqual([['lokussamordnare', 20, 1]]);
  });

  it('reads "en hälsopedagog på 75 24 och" as 75 %', () => {
    expect(staff('Insatsen ska ledas av en hälsopedagog på 75 24 och en coach')).toEqual([['hälsopedagog', 75, 1]]);
  });

  it('reads no share from a number that goes on: "på 20 2026", "på 20 240 kronor"', () => {
    expect(staff('en coach på 20 2026')).toEqual([]);
    expect(staff('en coach på 20 240 kronor')).toEqual([]);
  });
});
