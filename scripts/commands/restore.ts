// `arende restore`: Swedish text on stdin, the same text with lost diacritics and OCR
// confusions repaired on stdout; same lines, same order (the export contract's promise).

import { loadRepairer } from '../../pipeline/repair/index.js';

export async function restore(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8');
  const repairer = await loadRepairer();
  const { text: repaired } = repairer.repair(text);
  await new Promise<void>((resolve, reject) => {
    output.write(repaired, (err) => (err ? reject(err) : resolve()));
  });
}
