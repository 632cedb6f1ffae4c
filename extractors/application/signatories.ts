import type { DocumentText } from '../document-text.js';
import type { Evidence, Signatory } from '../fields.js';
import type { ExtractionMessage } from '../extraction.js';
import { parseSwedishDate } from '../common/index.js';
import { organisationName } from './parties.js';
import { findAnyLabel, lineAround, trimJunk, trimSpan, valueOf, type Span } from './form.js';
import { LABELS } from './headings.js';
import { findFormLabels } from './labels.js';

/** A full ISO date, or one cut short by a blank in the form ("2022-06-"). */
const ISO_DATE = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b|\b\d{4}-\d{1,2}-?(?!\d)/;
/** A name part: "Anna", "Backström", "Hagelin-Kjällman"; a title ("tf", "HR-chef") stops the name. */
const NAME_PART = /^[A-ZÅÄÖÉ][a-zåäöéüø]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?$/;
/** Words that begin a title, even when capitalised. */
const ROLE_WORD = /(chef|ansvarig|direktör|direktor|ledare|handläggare|handlaggare|samordnare|ordförande|ordforande|strateg|koordinator|sekreterare)/i;

export function splitNameRole(value: string): { name: string | null; role: string | null } {
  const [head, ...after] = value.split(/\s*[,–]\s*|\s+-\s+/);
  const words = head.split(/\s+/).filter(Boolean);
  let n = 0;
  while (n < words.length && n < 4 && NAME_PART.test(words[n]) && !ROLE_WORD.test(words[n])) n++;
  if (n < 2 && words.length) n = Math.min(words.length, 2); // a name is at least first + last name
  const name = words.slice(0, n).join(' ') || null;
  const role = [words.slice(n).join(' '), ...after].filter(Boolean).join(', ') || null;
  return { name, role };
}

/** The organisation and date of "Organisation och datum X 2022-06-13". */
function organisationAndDate(value: Span): { organisation: string | null; date: string | null; partialDate: string | null } {
  const m = ISO_DATE.exec(value.text);
  let date: string | null = null;
  let partialDate: string | null = null;
  let orgText = value.text;
  if (m) {
    orgText = value.text.slice(0, m.index) + value.text.slice(m.index + m[0].length);
    if (m[1]) date = parseSwedishDate(m[0]);
    else partialDate = m[0];
  } else {
    date = parseSwedishDate(value.text);
  }
  orgText = orgText.replace(/[|:]/g, ' ').replace(/\s+/g, ' ').trim();
  const organisation = orgText ? organisationName(orgText) : null;
  return { organisation, date, partialDate };
}

/** Labels that end a signature block's values. */
const BLOCK_LABELS = ['E-post', 'Organisation och datum', 'Underskrift', 'Insatsens namn', 'Insatsägare (namn)', 'Samverkanspart (namn)'];

/** The next non-empty line after `from` (within two lines), unless it is one of the block's labels. */
function followingLine(text: string, from: number): Span | null {
  let at = text.indexOf('\n', from);
  for (let k = 0; at >= 0 && at < text.length && k < 3; k++) {
    const line = lineAround(text, at + 1);
    at = line.end;
    const v = trimJunk(trimSpan(line, /[\s|:;_]/));
    if (!v.text) continue;
    if (BLOCK_LABELS.some((l) => findFormLabels(line.text + '\n', l).length)) return null;
    return v;
  }
  return null;
}

/** A title on its own line under the name ("kommundirektör", "tf socialchef"), not an e-mail, a date or a label. */
function roleLine(v: Span): boolean {
  if (/[@\d]/.test(v.text) || v.text.split(/\s+/).length > 6) return false;
  return /^[a-zåäöé]/.test(v.text) || ROLE_WORD.test(v.text);
}

/**
 * The Underskrift blocks: each has "Organisation och datum" (organisation, date) and a
 * "(namnförtydligande)" line (name, then the signer's title if written after the name).
 */
export function readSignatories(doc: DocumentText): { signatories: Signatory[]; evidence: Evidence[]; messages: ExtractionMessage[] } {
  const text = doc.text;
  const signatories: Signatory[] = [];
  const evidence: Evidence[] = [];
  const messages: ExtractionMessage[] = [];
  const anchors = findFormLabels(text, LABELS.signatureOrganisation[0]);
  anchors.forEach((anchor, i) => {
    const blockEnd = anchors[i + 1]?.start ?? text.length;
    const orgValue = valueOf(text, anchor, ['Insatsägare (namn)', 'Samverkanspart (namn)', 'E-post'], 2);
    let { organisation, date, partialDate } = orgValue ? organisationAndDate(orgValue) : { organisation: null, date: null, partialDate: null };
    if (orgValue && !date && !partialDate) {
      // Organisation and date in two cells (DOCX, PDF tables): the date on the next line.
      const next = followingLine(text, orgValue.end);
      const nextDate = next && /^[\d\s\-./]+$|^\d{1,2}\s+\p{L}+\s+\d{4}$/u.test(next.text) ? parseSwedishDate(next.text) : null;
      if (nextDate) date = nextDate;
    }
    if (partialDate && orgValue) {
      messages.push({ field: 'signatories', reason: `incomplete signature date "${partialDate}" read as null`, start: orgValue.start, end: orgValue.end });
    }
    const nameLabel = findAnyLabel(text, LABELS.signatureName, anchor.end);
    let name: string | null = null;
    let role: string | null = null;
    let nameSpan: Span | null = null;
    if (nameLabel && nameLabel.start < blockEnd) {
      const v = valueOf(text, nameLabel, ['E-post', 'Organisation och datum', 'Underskrift'], 2);
      if (v && !/@/.test(v.text)) {
        nameSpan = trimSpan(v, /[\s|:;_]/);
        ({ name, role } = splitNameRole(nameSpan.text));
        // Name and title on two lines (a wrapped cell, or two paragraphs in Word).
        const next = role ? null : followingLine(text, nameSpan.end);
        if (next && next.start < blockEnd && roleLine(next)) {
          // "|" before a title comes out of OCR as "I" ("I kommundirektör").
          role = next.text.replace(/^[Il|]\s+(?=\p{Ll})/u, '').replace(/\s+/g, ' ');
          nameSpan = { text: text.slice(nameSpan.start, next.end), start: nameSpan.start, end: next.end };
        }
      }
    }
    if (!organisation && !name) return;
    signatories.push({ name, role, organisation, date });
    const from = orgValue ?? trimSpan(lineAround(text, anchor.start));
    evidence.push(doc.evidence(from.start, from.end, 'application/signatories/organisation', organisation ? 0.85 * anchor.score : 0.5));
    if (nameSpan) evidence.push(doc.evidence(nameSpan.start, nameSpan.end, 'application/signatories/name', 0.8 * nameLabel!.score));
  });
  return { signatories, evidence, messages };
}
