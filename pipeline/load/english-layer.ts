// Old scanned PDFs often carry a text layer made by an English OCR model: Swedish prose
// whose å/ä/ö became a/o or é/6/d ("férbundet", "ans6kan", "Alvkarleby"). Such a layer is
// worth re-OCRing with the Swedish model when the page image is there.

/** Swedish function words spelt without å/ä/ö: present in any Swedish prose, OCR'd or not. */
const SWEDISH_PLAIN = new Set([
  'och', 'att', 'som', 'med', 'det', 'av', 'till', 'en', 'ett', 'inom', 'samt', 'eller', 'ska', 'den',
  'de', 'om', 'har', 'kan', 'vid', 'under', 'enligt', 'insatsen', 'kommun', 'mellan', 'detta', 'dessa',
]);
/** Common Swedish words as an English model spells them (å/ä/ö dropped or misread). */
const STRIPPED = new Set([
  'for', 'ar', 'pa', 'fran', 'mal', 'nar', 'aven', 'ocksa', 'sasom', 'tva', 'forbundet', 'ansokan', 'overgripande',
  'forutsattning', 'samordningsforbundet', 'arbetsformedlingen', 'forsakringskassan', 'insatsagare', 'ga', 'sa',
]);

export interface LayerVerdict {
  englishModel: boolean;
  /** Why, in numbers, for the message log. */
  reason: string;
}

/** Judges a page's text layer: Swedish (by its plain function words) but nearly without å/ä/ö. */
export function judgeLayer(text: string): LayerVerdict {
  const tokens = text.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const diacritics = (text.match(/[åäöÅÄÖ]/g) ?? []).length;
  if (tokens.length < 30 || letters < 200) return { englishModel: false, reason: 'too short to judge' };
  const swedish = tokens.filter((t) => SWEDISH_PLAIN.has(t)).length / tokens.length;
  const stripped = tokens.filter((t) => STRIPPED.has(t)).length / tokens.length;
  // Letters with a 6/0 inside ("st6d", "ans6kan") or é in native words ("férbundet").
  const confusions = tokens.filter((t) => /\p{L}[60]\p{L}/u.test(t) || /\p{L}*é\p{L}*(?:nd|rb|rs|rm|rt)/u.test(t)).length / tokens.length;
  const diacriticShare = diacritics / letters;
  // Swedish prose runs ~3-4 % å/ä/ö letters; an English-model layer well under 1 %.
  const englishModel = swedish >= 0.06 && diacriticShare < 0.008 && (stripped >= 0.01 || confusions >= 0.005);
  const reason = `swedish words ${(swedish * 100).toFixed(1)}%, å/ä/ö ${(diacriticShare * 100).toFixed(2)}% of letters, stripped words ${(stripped * 100).toFixed(1)}%, confusions ${(confusions * 100).toFixed(1)}%`;
  return { englishModel, reason };
}
