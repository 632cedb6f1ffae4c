import { openArchive } from '../../db/archive.js';
import { startReviewServer } from '../../web/index.js';

export interface ServeCommandOptions { db: string; port?: number; by?: string }

/** Serves the review page until interrupted (Ctrl-C closes the archive cleanly). */
export async function serveCommand(opts: ServeCommandOptions): Promise<number> {
  const db = await openArchive(opts.db);
  const server = await startReviewServer({ db, port: opts.port ?? 8080, by: opts.by });
  process.stdout.write(`arende serve: ${server.url}/ (archive ${opts.db}; Ctrl-C stops)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await db.destroy();
  return 0;
}
