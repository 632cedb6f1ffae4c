// The command line: a thin layer over the library. Each command's work lives in scripts/commands/.
import { Command, InvalidArgumentError, Option } from 'commander';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

const program = new Command()
  .name('arende')
  .description('Swedish grant case files (ärenden) into a queryable SQLite archive')
  .showHelpAfterError();

program.command('ingest')
  .description('ingest files and folders (recursively) into the archive; exit 0 all stored, 3 some inputs rejected, 1 the run failed')
  .argument('<paths...>', 'files and folders')
  .requiredOption('--db <file>', 'SQLite archive (created if missing)')
  .option('--jobs <n>', 'files processed at once / OCR workers', positiveInt)
  .option('--max-bytes <n>', 'reject files larger than this', positiveInt)
  .option('--max-pages <n>', 'reject documents with more pages than this', positiveInt)
  .option('--timeout <seconds>', 'per-file time limit', positiveInt)
  .addOption(new Option('--bad-layer <mode>', 'an English-model OCR layer in a PDF: re-OCR the page image or repair the text').choices(['reocr', 'repair']))
  .option('--commit-every <n>', 'files per group commit (default 100; 1 = commit each file on its own)', positiveInt)
  .option('--json-summary <file>', 'also write the run summary as JSON')
  .option('--force', 're-process files already in the archive')
  .option('--quiet', 'print only the final summary')
  .action(async (paths: string[], opts) => {
    const { ingestCommand } = await import('./commands/ingest.js');
    process.exitCode = await ingestCommand(paths, opts);
  });

program.command('export')
  .description('print the archive as one JSON object (arende.export/1)')
  .requiredOption('--db <file>', 'SQLite archive')
  .addOption(new Option('--format <format>', 'json (the contract) or csv (one row per document)').choices(['json', 'csv']).default('json'))
  .option('--cases', 'with --format csv: the cases instead of the documents')
  .option('--flags', 'with --format csv: the flags instead of the documents')
  .option('--delimiter <char>', 'CSV delimiter (";" for Swedish Excel)', ',')
  .action(async (opts) => {
    const { exportCommand } = await import('./commands/export.js');
    process.exitCode = await exportCommand(opts);
  });

program.command('migrate')
  .description('bring an archive written by an older arende up to this version (export, search, stats, show and history only read, and ask for this first)')
  .requiredOption('--db <file>', 'SQLite archive')
  .action(async (opts) => {
    const { migrateCommand } = await import('./commands/migrate.js');
    process.exitCode = await migrateCommand(opts);
  });

program.command('restore')
  .description('repair lost Swedish diacritics and OCR confusions: stdin to stdout, same lines, same order')
  .action(async () => {
    const { restore } = await import('./commands/restore.js');
    await restore(process.stdin, process.stdout);
  });

program.command('correct')
  .description('correct a field of a document by hand (kept across re-ingest and reprocess)')
  .argument('<document>', 'document id')
  .argument('<field>', 'contract field, e.g. amount_sek')
  .argument('<value>', 'the value: JSON (e.g. 150000, {"start":"2021-01-01","end":null}) or plain text')
  .requiredOption('--db <file>', 'SQLite archive')
  .requiredOption('--by <name>', 'who corrects')
  .option('--note <text>', 'why')
  .action(async (document: string, field: string, value: string, opts) => {
    const { correctCommand } = await import('./commands/corrections.js');
    process.exitCode = await correctCommand(document, field, value, opts);
  });

program.command('history')
  .description("a document's corrections: who, when, what it replaced")
  .argument('<document>', 'document id')
  .requiredOption('--db <file>', 'SQLite archive')
  .action(async (document: string, opts) => {
    const { historyCommand } = await import('./commands/corrections.js');
    process.exitCode = await historyCommand(document, opts);
  });

program.command('reprocess')
  .description('bring stored files up to this pipeline version (re-extract from stored pages, no OCR, when only extractors changed)')
  .requiredOption('--db <file>', 'SQLite archive')
  .option('--all', 're-extract every file, not only older versions')
  .option('--jobs <n>', 'OCR workers when files must be re-loaded', positiveInt)
  .action(async (opts) => {
    const { reprocessCommand } = await import('./commands/corrections.js');
    process.exitCode = await reprocessCommand(opts);
  });

program.command('search')
  .description('full-text search of the documents (diacritics and case ignored; "samverkan" also finds "flerpartssamverkan")')
  .argument('<query...>', 'words (all must occur), "a phrase", prefix*')
  .requiredOption('--db <file>', 'SQLite archive')
  .addOption(new Option('--kind <kind>', 'only this kind of document').choices(['decision', 'application', 'other']))
  .option('--year <year>', 'year of the period start (else of the decision date)', positiveInt)
  .option('--municipality <kommun>', 'only documents covering this kommun')
  .option('--limit <n>', 'at most this many hits', positiveInt, 20)
  .option('--json', 'hits as JSON')
  .action(async (query: string[], opts) => {
    const { searchCommand } = await import('./commands/search.js');
    process.exitCode = await searchCommand(query.join(' '), opts);
  });

program.command('stats')
  .description('documents, total granted and total applied per year, kommun, samverkanspart, outcome or insatsägare (corrected values)')
  .requiredOption('--db <file>', 'SQLite archive')
  .addOption(new Option('--by <dimension>', 'group by').choices(['year', 'municipality', 'partner', 'outcome', 'owner', 'kind']).default('year'))
  .addOption(new Option('--format <format>', 'aligned table, CSV (UTF-8 with BOM) or JSON').choices(['table', 'csv', 'json']).default('table'))
  .option('--delimiter <char>', 'CSV delimiter (";" for Swedish Excel)', ',')
  .action(async (opts) => {
    const { statsCommand } = await import('./commands/stats.js');
    process.exitCode = await statsCommand(opts);
  });

program.command('show')
  .description('one document: every field with page, span, raw text, confidence (CHECK below 0.6), corrections and flags')
  .argument('<document>', 'document id, unique id prefix, or source file path')
  .requiredOption('--db <file>', 'SQLite archive')
  .option('--json', 'as JSON')
  .action(async (document: string, opts) => {
    const { showCommand } = await import('./commands/show.js');
    process.exitCode = await showCommand(document, opts);
  });

program.command('serve')
  .description("the archivists' review page on 127.0.0.1: search, cases, each value on its page, corrections, review queue")
  .requiredOption('--db <file>', 'SQLite archive')
  .option('--port <port>', 'TCP port (0: any free port)', (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number 0–65535');
    return n;
  }, 8080)
  .option('--by <name>', 'name written into corrections until the archivist types another (default: the login name)')
  .action(async (opts) => {
    const { serveCommand } = await import('./commands/serve.js');
    process.exitCode = await serveCommand(opts);
  });

program.parseAsync(process.argv).catch((e: Error) => {
  process.stderr.write(`arende: ${e.message}\n`);
  process.exitCode = 1;
});
