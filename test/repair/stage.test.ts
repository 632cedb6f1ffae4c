import { repairPages } from '../../pipeline/repair/index.js';
import { createSourceFile, type Page } from '../../pipeline/source-file.js';
import { defaultPipelineOptions, type Services, type StageContext } from '../../pipeline/stage.js';

function context(): StageContext {
  const made = new Map<string, Promise<unknown>>();
  const services: Services = {
    get<T>(key: string, create: () => T | Promise<T>): Promise<T> {
      if (!made.has(key)) made.set(key, Promise.resolve(create()));
      return made.get(key) as Promise<T>;
    },
    close: async () => undefined,
  };
  return { signal: new AbortController().signal, options: defaultPipelineOptions, services };
}

const page = (n: number, raw: string): Page => ({ n, text: raw, raw, origin: 'pdf-text', confidence: null });

describe('repairPages', () => {
  it('repairs page.text, keeps page.raw, lists the repairs and leaves one info message per changed page', async () => {
    const file = createSourceFile({ path: 'a.pdf', sha256: 'x', size: 1, bytes: Buffer.alloc(0) });
    const raw = 'Organisation: Alvkarleby kommun\nOrganisation: Forsakringskassan\n';
    file.pages = [page(1, raw), page(2, 'Beslut: Förbundsstyrelsen beviljar ansökan.')];
    await repairPages(file, context());
    expect(file.pages[0].raw).toBe(raw);
    expect(file.pages[0].text).toBe('Organisation: Älvkarleby kommun\nOrganisation: Försäkringskassan\n');
    expect(file.pages[0].repairs?.map((r) => [r.from, r.to])).toEqual([
      ['Alvkarleby', 'Älvkarleby'],
      ['Forsakringskassan', 'Försäkringskassan'],
    ]);
    expect(file.pages[1].text).toBe(file.pages[1].raw);
    expect(file.pages[1].repairs).toEqual([]);
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ stage: 'repair', level: 'info', page: 1 });
  });

  it('leaves a real "for" alone in text that already spells its å, ä and ö', async () => {
    const file = createSourceFile({ path: 'b.txt', sha256: 'y', size: 1, bytes: Buffer.alloc(0) });
    const raw = 'Förbundsstyrelsen föreslås besluta att bevilja ansökan. Han for till mötet i Östhammar på fredagen.';
    file.pages = [page(1, raw)];
    await repairPages(file, context());
    expect(file.pages[0].text).toBe(raw);
  });
});
