import { DocumentText } from '../extractors/document-text.js';
import { extractorFor } from '../extractors/index.js';
import { addMessage } from './source-file.js';
import type { Stage } from './stage.js';

/** Runs the extractor of each document's kind over its text and keeps the fields on the document. */
export const extractFields: Stage = async (file) => {
  for (const doc of file.documents) {
    const extractor = extractorFor(doc.kind);
    if (!extractor) continue;
    const pages = file.pages.filter((p) => p.n >= doc.pages[0] && p.n <= doc.pages[1]);
    const text = new DocumentText(pages, doc.startOffset, doc.endOffset);
    const result = extractor(text);
    doc.fields = result.fields;
    for (const m of result.messages) {
      const at = m.start !== undefined ? text.locate(m.start) : undefined;
      const end = m.end !== undefined ? text.locate(m.end) : undefined;
      addMessage(file, 'extract', m.field ? `${m.field}: ${m.reason}` : m.reason, {
        document: doc.id, page: at?.page, span: at && end && end.page === at.page ? [at.offset, end.offset] : undefined,
      });
    }
  }
};
