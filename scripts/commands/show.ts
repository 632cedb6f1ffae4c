import { openArchive } from '../../db/archive.js';
import { formatShownDocument, resolveDocuments, showDocument } from '../../db/queries/show.js';

export interface ShowCommandOptions { db: string; json?: boolean }

export async function showCommand(ref: string, opts: ShowCommandOptions): Promise<number> {
  const db = await openArchive(opts.db, { readonly: true });
  try {
    const shown = [];
    for (const id of await resolveDocuments(db, ref)) shown.push(await showDocument(db, id));
    process.stdout.write(opts.json ? JSON.stringify(shown.length === 1 ? shown[0] : shown, null, 2) + '\n' : shown.map(formatShownDocument).join('\n'));
    return 0;
  } finally {
    await db.destroy();
  }
}
