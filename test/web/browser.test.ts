import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { exportArchive } from '../../db/queries/export.js';
import { servedArchive, type ServedArchive } from './fixture.js';

// The review page in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
// search, a decision's amount on its page (text and scan), a correction through the form and
// keyboard, the export and flags after it. Screenshots go to test-artifacts/web/.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'web');

if (!existsSync(CHROMIUM)) {
  // Never skipped: without the browser these tests fail and say how to get it.
  throw new Error(`headless browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
}

let a: ServedArchive;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  [a, browser] = await Promise.all([
    servedArchive({ scan: true, by: 'Anna Arkivarie' }),
    chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    }),
  ]);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // Offline: anything not from the review server is refused and fails the test.
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    if (route.request().url().startsWith(a.server.url)) return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  (page as unknown as { outside: string[] }).outside = outside;
}, 180000);

afterAll(async () => {
  await browser?.close();
  await a?.close();
});

async function idOf(file: RegExp): Promise<string> {
  const doc = (await exportArchive(a.db)).documents.find((d) => file.test(d.file));
  if (!doc) throw new Error(`no document from ${file}`);
  return doc.id;
}

it('finds the seed documents when searching "forsakringskassan" from the keyboard', async () => {
  await page.goto(a.server.url + '/queue');
  await page.keyboard.press('/');
  await expect(page.locator('#quick-search').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await page.keyboard.type('forsakringskassan');
  await page.keyboard.press('Enter');
  await page.waitForSelector('ol.hits');
  await expect(page.locator('#search-q').inputValue()).resolves.toBe('forsakringskassan');
  const hrefs = await page.$$eval('li.hit a.hit-title', (links) => links.map((l) => l.getAttribute('href')));
  for (const seed of [/001_/, /002_/, /003_/]) expect(hrefs).toContain(`/document/${await idOf(seed)}`);
  expect(await page.locator('li.hit .snippet mark').first().textContent()).toMatch(/Försäkringskassan/i);
  await page.screenshot({ path: join(ARTIFACTS, 'search.png'), fullPage: true });
});

it('opens a decision from the hits and shows its amount highlighted on its page', async () => {
  const id = await idOf(/dec-02_/);
  await page.click(`li.hit a[href="/document/${id}"]`);
  await page.waitForSelector('table.fields');
  await page.click('tr#field-amount_sek a.ev-link');
  const mark = page.locator('#source mark.ev.selected');
  await expect(mark.textContent()).resolves.toMatch(/734 000/);
  expect(await mark.isVisible()).toBe(true);
  expect(await page.locator('tr#field-amount_sek').getAttribute('class')).toContain('selected');
});

it('shows the scanned decision\'s amount as word boxes over the page image', async () => {
  const id = await idOf(/scan-000-top/);
  await page.goto(`${a.server.url}/document/${id}?f=amount_sek&e=0`);
  const image = page.locator('#source .scan img');
  await image.waitFor();
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const boxes = page.locator('#source .scan .box.selected');
  expect(await boxes.count()).toBeGreaterThanOrEqual(2);
  const titles = await boxes.evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
  expect(titles.join(' ')).toMatch(/355[\s\S]*000/);
  // The boxes lie on the image, inside its top half (the amount is in the proposal's first att-sats).
  const img = (await image.boundingBox())!;
  const box = (await boxes.first().boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(img.x);
  expect(box.y + box.height).toBeLessThanOrEqual(img.y + img.height);
  expect(box.width).toBeGreaterThan(5);
  await page.screenshot({ path: join(ARTIFACTS, 'document-scan.png') });
});

it('corrects the decision\'s amount from its page; the export and the flags follow', async () => {
  const decision = await idOf(/dec-02_/);
  const application = await idOf(/app-02_/);
  await page.goto(`${a.server.url}/document/${decision}?f=amount_sek&e=0`);
  // Keyboard: the amount row has focus after the page load; "e" opens its correction box.
  await page.locator('tr#field-amount_sek').focus();
  await page.keyboard.press('e');
  const box = page.locator('tr#field-amount_sek input[name=value]');
  await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await box.fill('700 000 kr');
  await page.locator('tr#field-amount_sek input[name=note]').fill('beloppet i protokollet');
  await Promise.all([page.waitForURL(/saved=1/), page.locator('tr#field-amount_sek button[type=submit]').click()]);

  await expect(page.locator('p.notice').textContent()).resolves.toContain('Rättelsen är sparad');
  await expect(page.locator('tr#field-amount_sek td.value').textContent()).resolves.toMatch(/700\s000 kr/);
  await expect(page.locator('ul.flags').textContent()).resolves.toContain('Beloppen stämmer inte överens');
  await page.locator('tr#field-amount_sek summary').click();
  await expect(page.locator('tr#field-amount_sek ol.history').textContent()).resolves.toMatch(/Anna Arkivarie: 734\s000 kr → 700\s000 kr/);
  await page.screenshot({ path: join(ARTIFACTS, 'document-corrected.png'), fullPage: true });

  const exported = await exportArchive(a.db);
  const doc = exported.documents.find((d) => d.id === decision)!;
  expect(doc.amount_sek).toBe(700000);
  expect(doc.provenance.amount_sek[0].corrected).toMatchObject({ by: 'Anna Arkivarie', previous: 734000 });
  expect(exported.flags).toContainEqual(expect.objectContaining({ code: 'amount_mismatch', document: decision, other_document: application, values: [700000, 734000] }));
});

it('marks the document reviewed with "r" and moves on to the next one in the queue', async () => {
  const decision = await idOf(/dec-02_/);
  await page.goto(`${a.server.url}/document/${decision}`);
  await Promise.all([page.waitForURL(/after=reviewed|\/queue/), page.keyboard.press('r')]);
  expect(page.url()).not.toContain(decision);
  await page.goto(`${a.server.url}/queue`);
  const last = page.locator('table.queue tbody tr').last();
  await expect(last.locator('a').getAttribute('href')).resolves.toBe(`/document/${decision}`);
  await expect(last.textContent()).resolves.toContain('Anna Arkivarie');
  await page.screenshot({ path: join(ARTIFACTS, 'queue.png'), fullPage: true });
  expect((page as unknown as { outside: string[] }).outside).toEqual([]);
});
