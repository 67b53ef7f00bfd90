// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line), prints
// each one's figures, and ends each with one machine-readable line:
//   BENCH {"name":"…","figures":{…}}
// Names are kept stable so figures can be compared across runs. Benchmarks measure; they never
// assert a speed, so a slow machine gives slower figures, not failures.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchResult {
  name: string;
  figures: Record<string, number>;
}

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !wanted.length || wanted.some((w) => f.includes(w)))
  .sort();

let failed = 0;
for (const file of files) {
  const started = process.hrtime.bigint();
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { run(): Promise<BenchResult | BenchResult[]> };
    const results = await mod.run();
    for (const r of Array.isArray(results) ? results : [results]) {
      for (const [k, v] of Object.entries(r.figures)) console.log(`  ${r.name}.${k} = ${Number.isInteger(v) ? v : v.toFixed(3)}`);
      console.log(`BENCH ${JSON.stringify({ name: r.name, figures: r.figures })}`);
    }
  } catch (e) {
    failed++;
    console.error(`bench ${file} failed: ${(e as Error).stack ?? e}`);
  }
  console.log(`  (${file} took ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s)`);
}
process.exitCode = failed ? 1 : 0;
