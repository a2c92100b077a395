import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// `npm run bench`: runs every bench/<area>.ts (or only those named: npm run bench -- site media)
// and prints one table of figures beside their budgets. Timing lives here, never in tests.
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  budget?: string;
  ok?: boolean;
}

const dir = path.dirname(fileURLToPath(import.meta.url));
// Names choose benches; --flags are for the benches themselves (bench/_flags.ts).
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, '')))
  .sort((a, b) => (a === 'foundation.ts' ? -1 : b === 'foundation.ts' ? 1 : a.localeCompare(b)));

const rows: (BenchRow & { area: string })[] = [];
let failures = 0;
for (const file of files) {
  const area = file.replace(/\.ts$/, '');
  process.stderr.write(`bench: ${area} …\n`);
  try {
    const mod = await import(pathToFileURL(path.join(dir, file)).href);
    if (typeof mod.run !== 'function') continue;
    for (const r of (await mod.run()) as BenchRow[]) rows.push({ area, ...r });
  } catch (error) {
    failures++;
    rows.push({ area, name: `ERROR: ${(error as Error).message.slice(0, 80)}`, value: NaN, unit: '', ok: false });
  }
}

const fmt = (v: number) => (Number.isNaN(v) ? '—' : Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2));
const table = rows.map((r) => [r.area, r.name, `${fmt(r.value)} ${r.unit}`.trim(), r.budget ?? '', r.ok === undefined ? '' : r.ok ? 'ok' : 'OVER']);
const head = ['area', 'measure', 'value', 'budget', 'verdict'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of table) console.log(line(r));
const over = rows.filter((r) => r.ok === false).length;
console.log(`\n${rows.length} figures, ${over} over budget${failures ? `, ${failures} benchmark(s) failed to run` : ''}.`);
process.exit(0);
