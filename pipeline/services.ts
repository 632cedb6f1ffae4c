import type { Services } from './stage.js';

/** Lazily created shared services (OCR pool, lexicon); closed once at the end of a run. */
export function createServices(): Services {
  const made = new Map<string, Promise<unknown>>();
  return {
    get<T>(key: string, create: () => T | Promise<T>): Promise<T> {
      if (!made.has(key)) made.set(key, Promise.resolve().then(create));
      return made.get(key) as Promise<T>;
    },
    async close() {
      for (const p of made.values()) {
        const service = (await p.catch(() => null)) as { close?: () => unknown; terminate?: () => unknown } | null;
        await service?.close?.();
        await service?.terminate?.();
      }
      made.clear();
    },
  };
}
