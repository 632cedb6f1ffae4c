// Goals as tesseract leaves them on a scanned ansökan: the bullet lost and a blank line opened
// inside a wrapped sentence (observed on a 300 dpi scan of pair-08-app).
import { DocumentText } from '../../../extractors/document-text.js';
import { readGoals } from '../../../extractors/application/goals.js';

const OCR = `Beskriv målen med insatsen (+)
Övergripande mål:
Deltagarna ska själva kunna sköta sina digitala kontakter med parterna och söka arbete

digitalt.

Effektmål:
Att minst 70 procent av deltagarna klarar sina digitala ärenden själva vid avslut.

Insatsmål:
Att insatsen håller en öppen datorverkstad två dagar i veckan.

Att minst 50 deltagare skrivs in i insatsen per år.
Beskriv bakgrunden till/behovet av insatsen (>)
`;

describe('application goals from OCR text', () => {
  const { goals } = readGoals(DocumentText.fromText(OCR));

  it('joins "söka arbete\\n\\ndigitalt." across the blank line OCR opened', () => {
    expect(goals.filter((g) => g.kind === 'overall').map((g) => g.text)).toEqual([
      'Deltagarna ska själva kunna sköta sina digitala kontakter med parterna och söka arbete digitalt.',
    ]);
  });

  it('keeps paragraphs that start with a capital as separate goals', () => {
    expect(goals.filter((g) => g.kind === 'activity').map((g) => g.text)).toEqual([
      'Att insatsen håller en öppen datorverkstad två dagar i veckan.',
      'Att minst 50 deltagare skrivs in i insatsen per år.',
    ]);
  });
});

describe('application goals when OCR lost one bullet of a list', () => {
  const OCR2 = `Beskriv målen med insatsen (+)
Insatsmål:
» Att varje deltagare har en gemensam planering med alla berörda parter inom sex veckor.

Att minst 25 deltagare skrivs in i insatsen per år.
Beskriv bakgrunden till/behovet av insatsen
`;
  it('reads the capitalised sentence after a full stop and a blank line as the next goal (scan of pair-04-app)', () => {
    expect(readGoals(DocumentText.fromText(OCR2)).goals.map((g) => g.text)).toEqual([
      'Att varje deltagare har en gemensam planering med alla berörda parter inom sex veckor.',
      'Att minst 25 deltagare skrivs in i insatsen per år.',
    ]);
  });
});
