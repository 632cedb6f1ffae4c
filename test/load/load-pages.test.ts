import { loadPages } from '../../pipeline/load/index.js';
import { RejectedInputError } from '../../pipeline/errors.js';
import { context, DECISION, docxFile, noiseBytes, sourceFile, textPdf, zipFile } from './fixtures.js';

async function rejection(path: string, bytes: Uint8Array, options = {}): Promise<RejectedInputError> {
  const error = await loadPages(sourceFile(path, bytes), context(options)).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(RejectedInputError);
  return error as RejectedInputError;
}

describe('loadPages: text', () => {
  it('keeps the text as is (CRLF included) and drops the BOM', async () => {
    const file = sourceFile('a.txt', Buffer.from('\uFEFFFörslag till beslut\r\nmaximalt 355 000 kronor\r\n'));
    await loadPages(file, context());
    expect(file.mime).toBe('text/plain');
    expect(file.pages).toEqual([{ n: 1, text: 'Förslag till beslut\r\nmaximalt 355 000 kronor\r\n', raw: 'Förslag till beslut\r\nmaximalt 355 000 kronor\r\n', origin: 'text', confidence: null }]);
  });
  it('makes one page per form feed', async () => {
    const file = sourceFile('two.md', Buffer.from('# Förslag till beslut\n\fAnsökan\n'));
    await loadPages(file, context());
    expect(file.mime).toBe('text/markdown');
    expect(file.pages.map((p) => [p.n, p.text])).toEqual([[1, '# Förslag till beslut\n'], [2, 'Ansökan\n']]);
  });
  it('decodes Windows-1252 when the bytes are not UTF-8', async () => {
    const file = sourceFile('old.txt', Buffer.from('Insatsägare: Älvkarleby kommun', 'latin1'));
    await loadPages(file, context());
    expect(file.pages[0].text).toBe('Insatsägare: Älvkarleby kommun');
    expect(file.messages.map((m) => m.reason)).toContain('decoded as windows-1252');
  });
});

describe('loadPages: DOCX and born-digital PDF', () => {
  it('reads a DOCX (even one named .pdf) into one docx page', async () => {
    const file = sourceFile('beslut.pdf', await docxFile(DECISION));
    await loadPages(file, context());
    expect(file.pages).toHaveLength(1);
    expect(file.pages[0].origin).toBe('docx');
    expect(file.pages[0].text).toContain('maximalt 1 050 000 kronor');
  });
  it('reads a PDF named .docx page by page from its text layer, with the PDF page numbers', async () => {
    const file = sourceFile('beslut.docx', await textPdf([DECISION, ['Ansökan', 'Insatsens namn', 'Nya vägar för samverkan', 'Insatsägare', 'Organisation: Knivsta kommun']]));
    await loadPages(file, context());
    expect(file.mime).toBe('application/pdf');
    expect(file.pages.map((p) => [p.n, p.origin, p.confidence])).toEqual([[1, 'pdf-text', null], [2, 'pdf-text', null]]);
    expect(file.pages[0].text).toContain('Förbundsstyrelsen föreslås besluta');
    expect(file.pages[1].text).toContain('Organisation: Knivsta kommun');
  });
});

describe('loadPages: rejections carry a reason', () => {
  it('rejects an empty file', async () => {
    expect((await rejection('empty.txt', new Uint8Array())).reason).toBe('empty file');
  });
  it('rejects an encrypted PDF', async () => {
    expect((await rejection('secret.pdf', await textPdf([DECISION], true))).reason).toBe('encrypted PDF (password required)');
  });
  it('rejects a truncated PDF as corrupt', async () => {
    const pdf = await textPdf([DECISION, DECISION]);
    expect((await rejection('cut.pdf', pdf.subarray(0, Math.floor(pdf.length / 2)))).reason).toMatch(/^corrupt PDF/);
  });
  it('rejects random bytes', async () => {
    expect((await rejection('scan.png', noiseBytes(8192))).reason).toMatch(/^unsupported type/);
  });
  it('rejects a ZIP that is not a DOCX', async () => {
    expect((await rejection('bilaga.docx', zipFile('budget.csv', 'a;b\n'))).reason).toBe('unsupported type: ZIP archive that is not a DOCX');
  });
  it('rejects a PDF with more pages than maxPages', async () => {
    expect((await rejection('long.pdf', await textPdf([DECISION, DECISION, DECISION]), { maxPages: 2 })).reason).toBe('too many pages (3 > 2)');
  });
  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('time limit'));
    const ctx = { ...context(), signal: controller.signal };
    await expect(loadPages(sourceFile('a.txt', Buffer.from('Ärendet')), ctx)).rejects.toThrow('time limit');
  });
});
