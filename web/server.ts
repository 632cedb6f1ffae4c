import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import type { Archive } from '../db/archive.js';
import { correctField } from '../db/queries/corrections.js';
import { exportArchive } from '../db/queries/export.js';
import { search, type SearchOptions } from '../db/queries/search.js';
import { showDocument, type ShownDocument } from '../db/queries/show.js';
import type { PageImagesTable } from '../db/migrations/004_page_images.js';
import { ArendeError } from '../pipeline/errors.js';
import type { OcrWord, Repair } from '../pipeline/source-file.js';
import { CorrectionInputError, parseCorrectionInput } from './correction-input.js';
import type { Html } from './html.js';
import { casePage } from './pages/case.js';
import { documentPage, type DocumentPageInput, type SourcePage } from './pages/document.js';
import { queuePage } from './pages/queue.js';
import { searchPage } from './pages/search.js';
import { caseById, casesOf, markReviewed, reviewQueue } from './review.js';

// The review page's HTTP server: Node's own http module, server-rendered HTML, forms that work
// without JavaScript, and the same library queries as the CLI (search, show, correct, export).
// It listens on 127.0.0.1 only and refuses requests whose Host or Origin is not this server,
// so a web page elsewhere cannot post corrections through the archivist's browser.

export interface ReviewServerOptions {
  db: Archive;
  port?: number;
  /** Name written into corrections and review stamps until the archivist types another. */
  by?: string;
}

export interface ReviewServer { url: string; server: Server; close: () => Promise<void> }

class HttpError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

const ASSETS: Record<string, { type: string; body: Buffer }> = Object.fromEntries(
  [['app.css', 'text/css; charset=utf-8'], ['app.js', 'text/javascript; charset=utf-8']].map(([name, type]) => [
    name, { type, body: readFileSync(new URL(`./assets/${name}`, import.meta.url)) },
  ]),
);

const BY_COOKIE = 'arende_by';
const MAX_BODY = 256 * 1024;

export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const { db } = options;
  const defaultBy = options.by ?? safeUser();
  let allowedHosts = new Set<string>();

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => fail(res, e));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) throw new HttpError(421, 'unknown Host');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';
    if (method === 'POST') {
      const origin = req.headers.origin;
      if (origin && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) throw new HttpError(403, 'cross-origin request refused');
    } else if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method not allowed');
    const by = cookie(req, BY_COOKIE) ?? defaultBy;

    const route = `${method} /${parts[0] ?? ''}${parts[0] === 'api' ? `/${parts[1] ?? ''}` : ''}`;
    switch (route) {
      case 'GET /': return sendHtml(res, await searchView(url));
      case 'GET /queue': return sendHtml(res, queuePage(await reviewQueue(db, { includeReviewed: url.searchParams.get('reviewed') !== '0' }), url.searchParams.get('reviewed') !== '0'));
      case 'GET /document': return sendHtml(res, await documentView(need(parts[1]), url, by));
      case 'GET /case': return sendHtml(res, await caseView(need(parts[1])));
      case 'GET /page-image': return sendPageImage(res, need(parts[1]), Number(parts[2]));
      case 'GET /assets': {
        const asset = ASSETS[parts[1] ?? ''];
        if (!asset) throw new HttpError(404, 'no such asset');
        res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
        return void res.end(asset.body);
      }
      case 'POST /document': {
        const id = need(parts[1]);
        const form = new URLSearchParams(await readBody(req));
        if (parts[2] === 'correct') return correctFromForm(res, id, form, url);
        if (parts[2] === 'reviewed') return reviewedFromForm(res, id, form, by);
        throw new HttpError(404, 'no such action');
      }
      case 'GET /api/search': return sendJson(res, await search(db, url.searchParams.get('q') ?? '', searchOptions(url)));
      case 'GET /api/document': {
        const id = need(parts[2]);
        const shown = await shownOr404(id);
        return sendJson(res, { ...shown, cases: await casesOf(db, id), reviewed: await reviewedOf(id) });
      }
      case 'GET /api/queue': return sendJson(res, await reviewQueue(db, { includeReviewed: url.searchParams.get('reviewed') !== '0' }));
      case 'GET /api/export': return sendJson(res, await exportArchive(db));
      case 'POST /api/correct': {
        const body = JSON.parse(await readBody(req)) as { document?: string; field?: string; value?: unknown; by?: string; note?: string };
        if (!body.document || !body.field || !body.by) throw new HttpError(400, 'document, field, value and by are required');
        await shownOr404(body.document);
        const { previous } = await correctField(db, { document: body.document, field: body.field, value: body.value ?? null, by: body.by, note: body.note ?? null });
        return sendJson(res, { previous, document: await showDocument(db, body.document) });
      }
      default: throw new HttpError(404, `no page ${url.pathname}`);
    }
  }

  async function searchView(url: URL): Promise<Html> {
    const query = (url.searchParams.get('q') ?? '').trim();
    const options = searchOptions(url);
    if (!query) return searchPage({ query, options, hits: null });
    try {
      return searchPage({ query, options, hits: await search(db, query, options) });
    } catch (e) {
      if (e instanceof ArendeError) return searchPage({ query, options, hits: null, error: e.message });
      throw e;
    }
  }

  async function shownOr404(id: string): Promise<ShownDocument> {
    try {
      return await showDocument(db, id);
    } catch (e) {
      if (e instanceof ArendeError) throw new HttpError(404, e.message);
      throw e;
    }
  }

  async function reviewedOf(id: string) {
    const r = await db.selectFrom('documents').select(['reviewed_at', 'reviewed_by']).where('id', '=', id).executeTakeFirst();
    return { at: r?.reviewed_at ?? null, by: r?.reviewed_by ?? null };
  }

  async function documentView(id: string, url: URL, by: string, error?: DocumentPageInput['error']): Promise<Html> {
    const shown = await shownOr404(id);
    const selected = chooseEvidence(shown, url.searchParams.get('f'), Number(url.searchParams.get('e') ?? 0));
    const evidence = selected && shown.fields.find((f) => f.field === selected.field)!.evidence[selected.index];
    return documentPage({
      shown, by, error, selected,
      cases: await casesOf(db, id),
      reviewed: await reviewedOf(id),
      page: evidence ? await sourcePage(shown.document.sha256, evidence.page) : null,
      notice: url.searchParams.get('saved') ? 'Rättelsen är sparad; flaggorna är omräknade.' : url.searchParams.get('after') === 'reviewed' ? 'Föregående dokument är markerat som granskat.' : undefined,
    });
  }

  async function sourcePage(sha256: string, n: number): Promise<SourcePage | null> {
    const page = await db.selectFrom('pages').selectAll().where('sha256', '=', sha256).where('n', '=', n).executeTakeFirst();
    if (!page) return null;
    const image = await db.withTables<{ page_images: PageImagesTable }>().selectFrom('page_images').select('n')
      .where('sha256', '=', sha256).where('n', '=', n).executeTakeFirst();
    return {
      sha256, n, origin: page.origin, text: page.text,
      words: page.words_json ? (JSON.parse(page.words_json) as OcrWord[]) : [],
      repairs: page.repairs_json ? (JSON.parse(page.repairs_json) as Repair[]) : [],
      width: page.width, height: page.height, hasImage: Boolean(image),
    };
  }

  async function sendPageImage(res: ServerResponse, sha256: string, n: number): Promise<void> {
    const image = await db.withTables<{ page_images: PageImagesTable }>().selectFrom('page_images').select('png')
      .where('sha256', '=', sha256).where('n', '=', n).executeTakeFirst();
    if (!image) throw new HttpError(404, 'no image of that page');
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'private, max-age=3600' });
    res.end(Buffer.from(image.png));
  }

  async function caseView(id: string): Promise<Html> {
    const row = await caseById(db, id);
    if (!row) throw new HttpError(404, `no case "${id}" in the archive`);
    const load = async (doc: string | null) => (doc ? showDocument(db, doc).catch(() => null) : null);
    return casePage({ row, decision: await load(row.decision), application: await load(row.application) });
  }

  async function correctFromForm(res: ServerResponse, id: string, form: URLSearchParams, url: URL): Promise<void> {
    const field = form.get('field') ?? '';
    const input = form.get('value') ?? '';
    const by = (form.get('by') ?? '').trim();
    await shownOr404(id);
    try {
      if (!by) throw new CorrectionInputError('ange vem som rättar');
      const value = parseCorrectionInput(field, input, id);
      await correctField(db, { document: id, field, value, by, note: form.get('note')?.trim() || null });
    } catch (e) {
      if (!(e instanceof ArendeError)) throw e;
      const again = new URL(url);
      again.searchParams.set('f', field);
      return sendHtml(res, await documentView(id, again, by || defaultBy, { field, message: e.message, input }), 400);
    }
    res.setHeader('set-cookie', `${BY_COOKIE}=${encodeURIComponent(by)}; Path=/; SameSite=Strict; HttpOnly`);
    redirect(res, `/document/${encodeURIComponent(id)}?f=${encodeURIComponent(field)}&e=0&saved=1#field-${field}`);
  }

  async function reviewedFromForm(res: ServerResponse, id: string, form: URLSearchParams, by: string): Promise<void> {
    const who = (form.get('by') ?? '').trim() || by;
    if (form.get('action') === 'clear') {
      await markReviewed(db, id, null);
      return redirect(res, `/document/${encodeURIComponent(id)}`);
    }
    await markReviewed(db, id, who);
    const next = (await reviewQueue(db, { includeReviewed: false, limit: 1 }))[0];
    redirect(res, next ? `/document/${encodeURIComponent(next.id)}?after=reviewed` : '/queue');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** The evidence to show: the one asked for, else the first value a person should check, else the first with evidence. */
function chooseEvidence(shown: ShownDocument, field: string | null, index: number): { field: string; index: number } | null {
  const asked = shown.fields.find((f) => f.field === field && f.evidence.length);
  if (asked) return { field: asked.field, index: Number.isInteger(index) && index >= 0 && index < asked.evidence.length ? index : 0 };
  const first = shown.fields.find((f) => f.check && f.evidence.length) ?? shown.fields.find((f) => f.evidence.length);
  return first ? { field: first.field, index: 0 } : null;
}

function searchOptions(url: URL): SearchOptions {
  const p = url.searchParams;
  const year = Number(p.get('year'));
  const limit = Number(p.get('limit'));
  return {
    kind: p.get('kind') || undefined,
    year: Number.isInteger(year) && year > 0 ? year : undefined,
    municipality: p.get('municipality')?.trim() || undefined,
    limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, 500) : 50,
  };
}

function need(part: string | undefined): string {
  if (!part) throw new HttpError(404, 'missing id');
  return part;
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const c of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = c.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { reject(new HttpError(413, 'request too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendHtml(res: ServerResponse, page: Html, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'" });
  res.end(page.value);
}

function sendJson(res: ServerResponse, value: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location });
  res.end();
}

function fail(res: ServerResponse, e: unknown): void {
  if (res.headersSent) { res.destroy(); return; }
  const status = e instanceof HttpError ? e.status : e instanceof SyntaxError ? 400 : e instanceof ArendeError ? 400 : 500;
  const message = e instanceof Error ? e.message : String(e);
  if (status === 500) process.stderr.write(`arende serve: ${e instanceof Error ? e.stack : message}\n`);
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${status} ${message}\n`);
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'arkivarie';
  }
}
