// The lexicon: every Swedish word form of @cspell/dict-sv (GPL-3.0, read with cspell-trie-lib)
// plus the domain lists in corpus/lexicon/, in a hash table keyed by the folded form. The table
// is compiled from the installed package at first use and cached under node_modules/.cache
// (derived GPL data is never committed); later loads only read the file (a few ms).

import { MEMO_ENTRIES } from './memo.js';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ArendeError } from '../errors.js';
import { fold } from './fold.js';

/** Flags of a form: where in a word it may stand (hunspell compounding, as cspell marks it). */
export const WORD = 1; // a word on its own
export const COMPOUND_START = 2; // "X+": may begin a compound
export const COMPOUND_END = 4; // "+X": may end a compound
export const COMPOUND_MIDDLE = 8; // "+X+"
export const DOMAIN = 16; // from corpus/lexicon: organisations, kommuner, the form's vocabulary

export interface LexiconForm {
  form: string; // as the dictionary writes it (proper nouns capitalised)
  flags: number;
}

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '..', '..');
const LEXICON_DIR = join(REPO_ROOT, 'corpus', 'lexicon');
const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'arende');
const FORMAT = 'arende-lexicon/2';
const MAGIC = 0x4c455832;

/** The domain word lists (one form per line, # comments). */
export function domainWords(): string[] {
  const words: string[] = [];
  for (const name of ['organisations.txt', 'kommuner.txt', 'vocabulary.txt']) {
    const path = join(LEXICON_DIR, name);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const t = line.replace(/#.*/, '').trim();
      if (t) words.push(t);
    }
  }
  return words;
}

function dictPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@cspell/dict-sv/cspell-ext.json')), 'Swedish.trie.gz');
}

/** Hash of the char codes (FNV-1a), the same for strings and latin1 byte runs. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const isLatin1 = (s: string): boolean => !/[^\x00-\xff]/.test(s);

/** Collects form → flags from the cspell trie; "~" entries (its own folded copies) and "!" (forbidden) are skipped. */
async function collectForms(): Promise<Map<string, number>> {
  const { importTrie, iteratorTrieWords } = await import('cspell-trie-lib');
  const text = gunzipSync(readFileSync(dictPath())).toString('utf8');
  const root = importTrie(text.split('\n'));
  const forms = new Map<string, number>();
  for (const raw of iteratorTrieWords(root)) {
    if (raw.startsWith('~') || raw.startsWith('!')) continue;
    const start = raw.endsWith('+');
    const end = raw.startsWith('+');
    const form = raw.slice(end ? 1 : 0, start ? -1 : undefined);
    if (!form || !isLatin1(form) || form.length > 255) continue;
    const flag = start && end ? COMPOUND_MIDDLE : start ? COMPOUND_START : end ? COMPOUND_END : WORD;
    forms.set(form, (forms.get(form) ?? 0) | flag);
  }
  for (const w of domainWords()) {
    for (const part of w.split(/\s+/)) if (isLatin1(part)) forms.set(part, (forms.get(part) ?? 0) | WORD | DOMAIN);
  }
  return forms;
}

/**
 * Binary layout: header [magic, nSlots, blobLength], slots Uint32[nSlots] (record offset + 1),
 * blob of records: keyLen u8, key latin1, nForms u8, then per form: flags u8, formLen u8
 * (0 = the form is the key itself), form latin1.
 */
function compile(forms: Map<string, number>): Buffer {
  const byKey = new Map<string, Array<[string, number]>>();
  for (const [form, flags] of forms) {
    const key = fold(form);
    if (!isLatin1(key) || key.length > 255) continue;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push([form, flags]);
  }
  let nSlots = 1;
  while (nSlots < byKey.size * 2) nSlots <<= 1;
  const slots = new Uint32Array(nSlots);
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const [key, list] of byKey) {
    const parts: number[] = [key.length];
    for (let i = 0; i < key.length; i++) parts.push(key.charCodeAt(i));
    const n = Math.min(list.length, 255);
    parts.push(n);
    for (const [form, flags] of list.slice(0, n)) {
      parts.push(flags);
      if (form === key) parts.push(0);
      else {
        parts.push(form.length);
        for (let i = 0; i < form.length; i++) parts.push(form.charCodeAt(i));
      }
    }
    let slot = hashString(key) & (nSlots - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (nSlots - 1);
    slots[slot] = offset + 1;
    const chunk = Buffer.from(parts);
    chunks.push(chunk);
    offset += chunk.length;
  }
  const header = Buffer.alloc(16);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(nSlots, 4);
  header.writeUInt32LE(offset, 8);
  return Buffer.concat([header, Buffer.from(slots.buffer), ...chunks]);
}

/** Read-only view of the compiled table. */
export class Lexicon {
  private readonly slots: Uint32Array;
  private readonly blob: Uint8Array;
  private readonly mask: number;
  private readonly memo = new Map<string, LexiconForm[]>();

  constructor(data: Buffer) {
    if (data.readUInt32LE(0) !== MAGIC) throw new ArendeError('lexicon cache has a wrong format');
    const nSlots = data.readUInt32LE(4);
    const blobLength = data.readUInt32LE(8);
    if ((data.byteOffset + 16) % 4 === 0) this.slots = new Uint32Array(data.buffer, data.byteOffset + 16, nSlots);
    else {
      // Copy so the Uint32Array is aligned whatever the Buffer's offset.
      this.slots = new Uint32Array(nSlots);
      Buffer.from(this.slots.buffer).set(data.subarray(16, 16 + nSlots * 4));
    }
    this.blob = data.subarray(16 + nSlots * 4, 16 + nSlots * 4 + blobLength);
    this.mask = nSlots - 1;
  }

  /** All forms whose folded form is `key` (key must already be folded). */
  lookup(key: string): LexiconForm[] {
    const hit = this.memo.get(key);
    if (hit) return hit;
    const found = this.find(key);
    if (this.memo.size > MEMO_ENTRIES) this.memo.clear();
    this.memo.set(key, found);
    return found;
  }

  private find(key: string): LexiconForm[] {
    if (key.length > 255) return [];
    const { slots, blob, mask } = this;
    let slot = hashString(key) & mask;
    for (;;) {
      const entry = slots[slot];
      if (entry === 0) return [];
      let p = entry - 1;
      const len = blob[p++];
      let same = len === key.length;
      for (let i = 0; same && i < len; i++) if (blob[p + i] !== key.charCodeAt(i)) same = false;
      if (same) {
        p += len;
        const n = blob[p++];
        const out: LexiconForm[] = [];
        for (let k = 0; k < n; k++) {
          const flags = blob[p++];
          const flen = blob[p++];
          let form = key;
          if (flen > 0) {
            form = String.fromCharCode(...blob.subarray(p, p + flen));
            p += flen;
          }
          out.push({ form, flags });
        }
        return out;
      }
      slot = (slot + 1) & mask;
    }
  }
}

/** Cache file name: changes when the dictionary, the domain lists or the format change. */
function cachePath(): string {
  const h = createHash('sha256');
  h.update(FORMAT);
  const dict = statSync(dictPath()); // size and time stand for the content: hashing 1.2 MB per load is waste
  h.update(`${dict.size}:${dict.mtimeMs}`);
  for (const w of domainWords()) h.update(w + '\n');
  return join(CACHE_DIR, `lexicon-${h.digest('hex').slice(0, 16)}.bin`);
}

/** Loads the compiled lexicon, compiling and caching it first when needed (~6 s once). */
export async function loadLexicon(): Promise<Lexicon> {
  const path = cachePath();
  if (existsSync(path)) return new Lexicon(readFileSync(path));
  const data = compile(await collectForms());
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, path); // atomic: parallel test workers never read half a file
    for (const old of readdirSync(CACHE_DIR)) if (/^lexicon-.*\.bin$/.test(old) && join(CACHE_DIR, old) !== path) rmSync(join(CACHE_DIR, old), { force: true });
  } catch {
    // A read-only node_modules only costs the compile on every run.
  }
  return new Lexicon(data);
}
