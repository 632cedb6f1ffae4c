// Staffing phrases: "en processledare för implementeringsarbetet på 75 %", "två
// arbetssamordnare att anställas på 100 % vardera", "en resurs på 50 procent",
// "en heltidstjänst som coach", "50 % tjänst som samordnare".
import { foldSwedish } from './fold.js';

export interface StaffingMention {
  role: string;
  percent: number | null;
  count: number;
  start: number;
  end: number;
  confidence: number;
}

const COUNTS: Record<string, number> = {
  en: 1, ett: 1, tva: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, atta: 8, nio: 9, tio: 10,
};
// The nouns that name a post; a role ends in one of these ("arbetssamordnare", "operativ resurs").
const ROLE_NOUN = String.raw`[a-z-]*(?:samordnare|ledare|handlaggare|coach|coacher|resurs|resurser|handledare|konsulent|konsulenter|pedagog|pedagoger|terapeut|terapeuter|psykolog|psykologer|kurator|kuratorer|sjukskoterska|sjukskoterskor|specialist|specialister|radgivare|utvecklare|medarbetare|lots|lotsar|mentor|mentorer|tranare|socionom|socionomer|sjukgymnast|fysioterapeut|vagledare|utredare|administrator|assistent|assistenter|stodperson|stodpersoner|anstallda?|personal|ekonom|strateg|controller|chef|koordinator|koordinatorer|arbetsspecialist|jobbspecialist|larare|fritidsledare|tjansteman|sekreterare|ingenjor|vagledare|[a-z]{3,}are|[a-z]{3,}(?:ator|atorer|ent|enter|ist|ister|log|loger|peut|peuter))`;
// The last alternatives are open: Swedish agent nouns ("brobyggare", "arbetsmarknadsstödjare",
// "socialpedagog") name posts the list cannot foresee; only staffing phrasing reaches them.
const COUNT = String.raw`(en|ett|tva|tre|fyra|fem|sex|sju|atta|nio|tio|\d{1,2})`;
const PERCENT = String.raw`(\d{1,3}(?:,\d+)?)\s?(?:%|procent)`;
// "på 20 26." / "på 75 24 och": tesseract's reading of "%" in some fonts, even at high
// confidence. Two digits after a share can be no thousands group (those have three), so after
// "på N" they are the sign; used only in the "<role> på N %" phrasing.
const PERCENT_OR_MISREAD = String.raw`(\d{1,3}(?:,\d+)?)\s?(?:%|procent|(?:24|26|96|20)(?![\d,]|\s\d))`;
const EACH = String.raw`(\s+(?:vardera|var|per\s+person|per\s+tjanst|var\s+och\s+en))?`;

// "<count> [adjective] <role> [gap without sentence end] på/om/motsvarande <N> %".
const COUNTED = new RegExp(
  String.raw`\b${COUNT}\s+((?:[a-z]+-\s+och\s+|[a-z-]+\s+)?${ROLE_NOUN})\b([^.%\n]{0,90}?)\s(?:pa|om|motsvarande|till|i|med)\s+(?:en\s+)?(?:tjanstgoringsgrad\s+(?:av|pa)\s+)?${PERCENT_OR_MISREAD}(?:s?\s+(?:tjanstgoringsgrad|tjanst|sysselsattningsgrad))?${EACH}`,
  'g',
);
// "50 % tjänst som samordnare", "en 50-procentig tjänst som coach".
const AS_POST = new RegExp(String.raw`(?:\b${COUNT}\s+)?${PERCENT}(?:s|ig|-?procentig)?\s*(?:tjanst|anstallning)\s+som\s+((?:[a-z-]+\s+)?${ROLE_NOUN})\b`, 'g');
// "en heltidstjänst som coach", "två halvtidstjänster som lotsar".
const FULL_TIME = new RegExp(String.raw`\b${COUNT}\s+(heltid|halvtid)s?(?:tjanst|tjanster|anstallning)?\s+som\s+((?:[a-z-]+\s+)?${ROLE_NOUN})\b`, 'g');

// "en tjänst som samordnare på 80 procent".
const POST_AS = new RegExp(String.raw`\b${COUNT}\s+(?:tjanst|tjanster|anstallning)\s+som\s+((?:[a-z-]+\s+)?${ROLE_NOUN})\b([^.%\n]{0,60}?)\s(?:pa|om|motsvarande)\s+${PERCENT}${EACH}`, 'g');

// "två coacher på heltid", "en handledare på halvtid".
const COUNTED_TIME = new RegExp(String.raw`\b${COUNT}\s+((?:[a-z]+-\s+och\s+|[a-z-]+\s+)?${ROLE_NOUN})\s+(?:pa|om)\s+(?:en\s+)?(heltid|halvtid)(?:stjanst)?\b`, 'g');
// "en projektledare (50 %)", "två lotsar (75 % vardera)".
const COUNTED_PAREN = new RegExp(String.raw`\b${COUNT}\s+((?:[a-z]+-\s+och\s+|[a-z-]+\s+)?${ROLE_NOUN})\s*\(\s*(?:ca\.?\s+)?${PERCENT}${EACH}\s*\)`, 'g');
// "1,5 tjänst som jobbcoach": posts counted in full-time equivalents, read as one line of 150 %.
const FTE_AS = new RegExp(String.raw`(?<![\d,.])(\d(?:,\d{1,2})?)\s+(?:heltids)?(?:tjanst|tjanster|arsarbetare)\s+som\s+((?:[a-z-]+\s+)?${ROLE_NOUN})\b`, 'g');

// Agent nouns that name the people served or met, not a post.
const NOT_POST = /(?:deltagare|invanare|medborgare|arbetsgivare|brukare|mottagare|anhoriga|sokande|elever)$/;

const NOT_ADJECTIVE = new Set(['av', 'och', 'som', 'for', 'i', 'pa', 'med', 'till', 'att', 'den', 'det', 'de', 'ny', 'nya']);

function count(word: string): number {
  return COUNTS[word] ?? Number(word);
}

/** The role as the text writes it, in the singular, from the original (unfolded) text. */
function roleText(original: string, foldedRole: string): string {
  const words = original.trim().split(/\s+/);
  const foldedWords = foldedRole.trim().split(/\s+/);
  // A leading word that is a function word is not part of the role.
  if (foldedWords.length > 1 && NOT_ADJECTIVE.has(foldedWords[0])) words.shift();
  if (foldedWords.length > 2 && /-$/.test(foldedWords[0]) && foldedWords[1] === 'och') return words.join(' ').toLowerCase();
  let role = words.join(' ').toLowerCase();
  role = role.replace(/(coach|resurs|konsulent|pedagog|psykolog|kurator|specialist|socionom|mentor|koordinator|assistent|stödperson|stodperson)er$/, '$1');
  role = role.replace(/(terapeut|lots)(er|ar)$/, '$1').replace(/sköterskor$/, 'sköterska');
  return role;
}

/** Every staffing statement in a text, in text order. */
export function findStaffing(text: string): StaffingMention[] {
  const folded = foldSwedish(text);
  const found: StaffingMention[] = [];
  const add = (s: StaffingMention) => {
    if (NOT_POST.test(foldSwedish(s.role))) return;
    if (!found.some((f) => s.start < f.end && f.start < s.end)) found.push(s);
  };
  for (const m of folded.matchAll(COUNTED)) {
    const roleStart = m.index! + m[0].indexOf(m[2], m[1].length);
    const n = count(m[1]);
    const percent = Number(m[4].replace(',', '.'));
    if (percent <= 0 || percent > 100) continue;
    add({
      role: roleText(text.slice(roleStart, roleStart + m[2].length), m[2]),
      percent, count: n,
      start: m.index!, end: m.index! + m[0].length,
      confidence: n > 1 && !m[5] ? 0.6 : m[3].length > 60 ? 0.7 : 0.9,
    });
  }
  for (const m of folded.matchAll(AS_POST)) {
    const roleStart = m.index! + m[0].lastIndexOf(m[3]);
    add({
      role: roleText(text.slice(roleStart, roleStart + m[3].length), m[3]),
      percent: Number(m[2].replace(',', '.')), count: m[1] ? count(m[1]) : 1,
      start: m.index!, end: m.index! + m[0].length, confidence: 0.85,
    });
  }
  for (const m of folded.matchAll(POST_AS)) {
    const roleStart = m.index! + m[0].indexOf(m[2], m[1].length);
    add({
      role: roleText(text.slice(roleStart, roleStart + m[2].length), m[2]),
      percent: Number(m[4].replace(',', '.')), count: count(m[1]),
      start: m.index!, end: m.index! + m[0].length, confidence: 0.85,
    });
  }
  for (const m of folded.matchAll(FULL_TIME)) {
    const roleStart = m.index! + m[0].lastIndexOf(m[3]);
    add({
      role: roleText(text.slice(roleStart, roleStart + m[3].length), m[3]),
      percent: m[2] === 'heltid' ? 100 : 50, count: count(m[1]),
      start: m.index!, end: m.index! + m[0].length, confidence: 0.85,
    });
  }
  for (const m of folded.matchAll(COUNTED_TIME)) {
    const roleStart = m.index! + m[0].indexOf(m[2], m[1].length);
    add({
      role: roleText(text.slice(roleStart, roleStart + m[2].length), m[2]),
      percent: m[3] === 'heltid' ? 100 : 50, count: count(m[1]),
      start: m.index!, end: m.index! + m[0].length, confidence: 0.85,
    });
  }
  for (const m of folded.matchAll(COUNTED_PAREN)) {
    const roleStart = m.index! + m[0].indexOf(m[2], m[1].length);
    const percent = Number(m[3].replace(',', '.'));
    if (percent <= 0 || percent > 100) continue;
    add({
      role: roleText(text.slice(roleStart, roleStart + m[2].length), m[2]),
      percent, count: count(m[1]),
      start: m.index!, end: m.index! + m[0].length, confidence: 0.85,
    });
  }
  for (const m of folded.matchAll(FTE_AS)) {
    const roleStart = m.index! + m[0].lastIndexOf(m[2]);
    const fte = Number(m[1].replace(',', '.'));
    if (fte <= 0 || fte > 10) continue;
    add({
      role: roleText(text.slice(roleStart, roleStart + m[2].length), m[2]),
      percent: Math.round(fte * 100), count: 1,
      start: m.index!, end: m.index! + m[0].length, confidence: 0.6,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
