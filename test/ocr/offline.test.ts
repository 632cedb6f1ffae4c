import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { scanTop } from './sample.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

describe('OCR runs offline', () => {
  it('recognises Swedish with fetch, sockets and DNS blocked, and writes no traineddata to the working directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'arende-ocr-'));
    try {
      const image = join(cwd, 'page.png');
      writeFileSync(image, await scanTop());
      const { stdout, stderr } = await run(
        process.execPath,
        ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, '--import', pathToFileURL(join(root, 'test/ocr/fixtures/block-network.mjs')).href, join(root, 'test/ocr/fixtures/ocr-offline.ts'), image],
        { cwd, timeout: 60_000 },
      );
      expect(stderr).not.toContain('NETWORK BLOCKED');
      expect(JSON.parse(stdout).text).toContain('Förslag till beslut');
      expect(readdirSync(cwd).filter((f) => f.includes('traineddata'))).toEqual([]);
      expect(readdirSync(root).filter((f) => f.includes('traineddata'))).toEqual([]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
