import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/main/cli.js';

// The CLI reads its configuration from the environment like `npm run beranda` does.
describe('beranda CLI', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-cli-'));
  beforeAll(() => {
    vi.stubEnv('DATA_DIR', dir);
    vi.stubEnv('DATABASE_URL', `sqlite:${dir}/cli.db`);
  });
  afterAll(() => vi.unstubAllEnvs());

  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runCli(args, (l) => lines.push(l));
    return { code, text: lines.join('\n') };
  };

  it('imports another regency, and a second run changes nothing', async () => {
    const first = await run('units', 'import', '--region', '11.01');
    expect(first.code).toBe(0);
    expect(first.text).toMatch(/Kabupaten Aceh Selatan \(11\.01\): 18 kecamatan, 0 kelurahan, 260 desa — 279 unit baru/);
    const second = await run('units', 'import', '--region', '11.01');
    expect(second.text).toMatch(/0 unit baru, 279 sudah ada/);
  });

  it('explains an unknown region code and how to find the right one', async () => {
    const r = await run('units', 'import', '--region', '99.42');
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/Kode wilayah "99\.42" tidak dikenal.*units regions/);
  });

  it('finds a region code by name, with or without spaces', async () => {
    expect((await run('units', 'regions', 'pangkalpinang')).text).toBe('19.71  KOTA PANGKAL PINANG');
    expect((await run('units', 'regions', 'aceh', 'selatan')).text).toContain('11.01  KABUPATEN ACEH SELATAN');
  });

  it('imports OPD from a CSV file and reports bad lines', async () => {
    await run('units', 'import');
    const file = path.join(dir, 'opd.csv');
    writeFileSync(file, 'nama,singkatan\nDinas Pendidikan,disdik\n,\n');
    const r = await run('opd', 'import', file);
    expect(r.text).toContain('OPD baru: 1');
  });
});
