import { exportArchive } from '../../db/queries/export.js';
import { fold, servedArchive, type ServedArchive } from './fixture.js';

// The review server over HTTP: JSON and HTML answers, corrections through the form, the review
// stamp and the queue, and the refusals that keep other sites out. Text inputs only (no OCR).

let a: ServedArchive;
beforeAll(async () => { a = await servedArchive(); }, 120000);
afterAll(async () => { await a?.close(); });

const get = (path: string, init?: RequestInit) => fetch(a.server.url + path, { redirect: 'manual', ...init });
const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  get(path, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: a.server.url, ...headers } });

async function documentOf(file: RegExp) {
  const doc = (await exportArchive(a.db)).documents.find((d) => file.test(d.file));
  if (!doc) throw new Error(`no document from ${file}`);
  return doc;
}

it('finds every seed document that names Försäkringskassan when searched as "forsakringskassan"', async () => {
  const seeds = (await exportArchive(a.db)).documents.filter((d) => /\/00\d_/.test(d.file));
  const naming = seeds.filter((d) => fold(d.text).includes('forsakringskassan')).map((d) => d.id).sort();
  expect(naming.length).toBeGreaterThanOrEqual(3);
  const hits = (await (await get('/api/search?q=forsakringskassan')).json()) as { id: string }[];
  expect(naming.every((id) => hits.some((h) => h.id === id))).toBe(true);
  const page = await (await get('/?q=forsakringskassan')).text();
  for (const id of naming) expect(page).toContain(`href="/document/${id}"`);
  expect(page).toMatch(/<mark>Försäkringskassan<\/mark>/);
});

it('applies the search filters (kind) and says so when nothing matches', async () => {
  const hits = (await (await get('/api/search?q=forsakringskassan&kind=application')).json()) as { kind: string }[];
  expect(hits.length).toBeGreaterThan(0);
  expect(hits.every((h) => h.kind === 'application')).toBe(true);
  expect(await (await get('/?q=zyxwvutsrq')).text()).toContain('Inga dokument matchar');
});

it('shows a decision\'s amount marked on its page, with Swedish labels and the field names in tooltips', async () => {
  const doc = await documentOf(/dec-02_/);
  const ev = doc.provenance.amount_sek[0];
  const page = await (await get(`/document/${doc.id}?f=amount_sek&e=0`)).text();
  const marked = page.match(/<mark class="ev selected" id="selected-evidence"[^>]*>([^<]*)<\/mark>/);
  expect(marked?.[1]).toBe(doc.text.slice(ev.span[0], ev.span[1]));
  expect(marked?.[1]).toMatch(/734 000/);
  expect(page).toContain('<span title="amount_sek">Belopp</span>');
  expect(page).toContain('734\u00a0000 kr');
});

it('corrects a value from the form: same record as `arende correct`, flags recomputed, history shown', async () => {
  const decision = await documentOf(/dec-02_/);
  const application = await documentOf(/app-02_/);
  const before = (await exportArchive(a.db)).flags.filter((f) => f.code === 'amount_mismatch');
  expect(before).toEqual([]);

  const res = await post(`/document/${decision.id}/correct`, { field: 'amount_sek', value: '700 000 kr', by: 'Anna Arkivarie', note: 'läst i protokollet' });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toContain(`/document/${decision.id}?f=amount_sek`);

  const exported = await exportArchive(a.db);
  const doc = exported.documents.find((d) => d.id === decision.id)!;
  expect(doc.amount_sek).toBe(700000);
  expect(doc.provenance.amount_sek[0].corrected).toMatchObject({ by: 'Anna Arkivarie', previous: 734000 });
  // Against the application's total, and inside the decision against what its Ärendet says was applied for.
  const flags = exported.flags.filter((f) => f.code === 'amount_mismatch' && f.document === decision.id);
  expect(flags).toContainEqual(expect.objectContaining({ other_document: application.id, values: [700000, application.amount_sek] }));

  const page = await (await get(res.headers.get('location')!, { headers: { cookie: 'arende_by=Anna%20Arkivarie' } })).text();
  expect(page).toContain('Rättelsen är sparad');
  expect(page).toContain('Beloppen stämmer inte överens');
  expect(page).toMatch(/Anna Arkivarie: 734\u00a0000 kr → 700\u00a0000 kr/);
  expect(page).toContain('value="Anna Arkivarie"');
});

it('refuses a value that is not an amount and keeps what was typed, writing nothing', async () => {
  const doc = await documentOf(/001_/);
  const res = await post(`/document/${doc.id}/correct`, { field: 'amount_sek', value: 'ungefär sex miljoner', by: 'Anna' });
  expect(res.status).toBe(400);
  const page = await res.text();
  expect(page).toContain('role="alert"');
  expect(page).toContain('value="ungefär sex miljoner"');
  expect(await a.db.selectFrom('corrections').selectAll().where('document_id', '=', doc.id).execute()).toEqual([]);
});

it('puts flagged documents first in the queue and reviewed ones last; "mark as reviewed" stamps who and when', async () => {
  const queue = (await (await get('/api/queue')).json()) as { id: string; flags: number; checks: number; reviewed_at: string | null }[];
  expect(queue[0].flags).toBeGreaterThan(0);
  const attention = queue.map((q) => q.flags + q.checks > 0);
  expect(attention.indexOf(false) === -1 || attention.slice(attention.indexOf(false)).every((x) => !x)).toBe(true);

  const first = queue[0].id;
  const res = await post(`/document/${first}/reviewed`, { action: 'mark', by: 'Bo Granskare' });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).not.toContain(first);
  const row = await a.db.selectFrom('documents').select(['reviewed_at', 'reviewed_by']).where('id', '=', first).executeTakeFirstOrThrow();
  expect(row.reviewed_by).toBe('Bo Granskare');
  expect(Date.now() - Date.parse(row.reviewed_at!)).toBeLessThan(60000);
  const after = (await (await get('/api/queue')).json()) as { id: string }[];
  expect(after.at(-1)!.id).toBe(first);
  expect(((await (await get('/api/queue?reviewed=0')).json()) as { id: string }[]).some((q) => q.id === first)).toBe(false);
  expect(await (await get('/queue')).text()).toContain('Bo Granskare');
});

it('shows a case with its decision and application side by side and the flag in plain words', async () => {
  const decision = await documentOf(/dec-02_/);
  const c = (await exportArchive(a.db)).cases.find((x) => x.decision === decision.id)!;
  expect(c.application).not.toBeNull();
  const page = await (await get(`/case/${c.id}`)).text();
  expect(page).toContain(`href="/document/${decision.id}"`);
  expect(page).toContain(`href="/document/${c.application}"`);
  expect(page).toMatch(/Budgetens rader summerar inte|Beloppen stämmer inte/);
});

it('refuses posts from other origins and requests for other hosts, and 404s unknown documents', async () => {
  const doc = await documentOf(/004_/);
  const cross = await post(`/document/${doc.id}/correct`, { field: 'amount_sek', value: '1', by: 'x' }, { origin: 'http://evil.example' });
  expect(cross.status).toBe(403);
  expect(await a.db.selectFrom('corrections').selectAll().where('document_id', '=', doc.id).execute()).toEqual([]);
  const { request } = await import('node:http');
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(a.server.url + '/', { headers: { host: 'rebound.example:80' } }, (r) => { r.resume(); resolve(r.statusCode!); });
    req.on('error', reject);
    req.end();
  });
  expect(status).toBe(421);
  expect((await get('/document/nonexistent-id')).status).toBe(404);
});

it('serves its own assets (no CDN): every script and stylesheet comes from this server', async () => {
  const page = await (await get('/')).text();
  const refs = [...page.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  expect(refs.length).toBe(2);
  for (const ref of refs) {
    expect(ref.startsWith('/')).toBe(true);
    expect((await get(ref)).status).toBe(200);
  }
});
