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

program.parseAsync(process.argv).catch((e: Error) => {
  process.stderr.write(`arende: ${e.message}\n`);
  process.exitCode = 1;
});
