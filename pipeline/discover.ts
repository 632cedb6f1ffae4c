import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface Discovered {
  /** The path as ingest was given it, joined with the names found below it. */
  path: string;
  /** Set when the entry could not be listed or read (permissions, vanished). */
  error?: string;
}

export const IGNORE_FILE = '.arendeignore';

async function ignoreRules(dir: string): Promise<Ignore | null> {
  try {
    return ignore().add(await readFile(join(dir, IGNORE_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Walks files and folders (recursively, sorted, streaming) in a stable order. Hidden entries are
 * skipped; a folder's `.arendeignore` (gitignore syntax) keeps paths below it out.
 */
export async function* discoverFiles(paths: string[]): AsyncGenerator<Discovered> {
  for (const root of paths) {
    let info;
    try {
      info = await stat(root);
    } catch (e) {
      yield { path: root, error: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
      continue;
    }
    if (info.isFile()) {
      yield { path: root };
      continue;
    }
    if (info.isDirectory()) yield* walk(root, []);
  }
}

async function* walk(dir: string, rules: { base: string; ig: Ignore }[]): AsyncGenerator<Discovered> {
  const own = await ignoreRules(dir);
  const active = own ? [...rules, { base: dir, ig: own }] : rules;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield { path: dir, error: `cannot list folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const isDir = entry.isDirectory();
    if (active.some(({ base, ig }) => ig.ignores(relative(base, path) + (isDir ? '/' : '')))) continue;
    if (isDir) yield* walk(path, active);
    else if (entry.isFile()) yield { path };
  }
}
