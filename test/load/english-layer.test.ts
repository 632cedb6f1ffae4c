import { judgeLayer, isUsableLayer } from '../../pipeline/load/index.js';

// From seed 003: an application whose text came from an English OCR model.
const ENGLISH_MODEL = `Syftet ar att med ett motiverande och coachande arbetssatt tillhandahalla ett samordnat och
forstarkt stod till personer i arbetsfor alder som varken arbetar eller studerar for att dessa ska
narma sig arbete eller studier. Funktionen har till uppdrag att bygga upp ett operativt
samverkande arbetssatt mellan samverkansparterna kring individen och samtidigt nyttja
upparbetade natverk for att koordinera kontakter och samarbetsparter pa individniva.
(Se aven bilaga "Instruktioner for ansdkan samverkansinsatser inom samordningsférbundet".)`;

// From seed 004: the same kind of prose, correctly spelt.
const SWEDISH = `Arbetsförmedlingen saknar idag resurser att medverka som avtalat i de av Samordningsförbundet
finansierade utvecklingsinsatser som bedrivs i Knivsta, Heby, Tierp, Östhammar och Älvkarlebys kommuner.
Arbetsförmedlingen och medsökande kommuner ansöker därför om medel för en resurs på 50 procent med syfte
att genomföra en förstudie samt för en operativ resurs på 100 procent. Förstudien ska ta fram former för
utveckling av samverkan mellan utvecklingsinsatserna som finns i kommunerna.`;

describe('judgeLayer', () => {
  it('flags Swedish prose without å/ä/ö and with "férbundet"-like confusions as an English-model layer', () => {
    expect(judgeLayer(ENGLISH_MODEL).englishModel).toBe(true);
  });
  it('passes correctly spelt Swedish', () => {
    expect(judgeLayer(SWEDISH).englishModel).toBe(false);
  });
  it('passes English prose (no Swedish function words)', () => {
    expect(judgeLayer('The board decided to grant financial support for the project during the period. '.repeat(6)).englishModel).toBe(false);
  });
});

describe('isUsableLayer', () => {
  it('accepts a real text layer', () => {
    expect(isUsableLayer(SWEDISH)).toBe(true);
  });
  it('refuses glyph soup from a font without a Unicode map', () => {
    expect(isUsableLayer('\uE001\uE002\uE003 \uE004\uE005 '.repeat(40))).toBe(false);
    expect(isUsableLayer('#$%& ()*+ ,-./ 0123 '.repeat(20))).toBe(false);
  });
  it('refuses an empty layer (image-only page)', () => {
    expect(isUsableLayer('  \n ')).toBe(false);
  });
});
