// Shared steps of `npm start` and `npm test`: make sure the Prisma client and the Next build
// exist and are fresh. Plain Node, no dependencies, so it runs right after `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
const STUB = join(ROOT, 'scripts', 'schema-engine-stub.sh');

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts, env: { ...process.env, ...opts.env } });
  if (res.error) throw res.error;
  return res.status ?? 1;
}

function must(what, status) {
  if (status !== 0) {
    console.error(`[kubelab] ${what} failed (exit ${status})`);
    process.exit(status || 1);
  }
}

/** Newest modification time under the given paths (files or folders), in ms. */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) visit(join(p, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) visit(join(ROOT, p));
  return newest;
}

export function ensureDependencies() {
  if (!existsSync(join(ROOT, 'node_modules', 'next'))) {
    console.error('[kubelab] dependencies are missing: run `npm install` first (README: npm install && npm start)');
    process.exit(1);
  }
}

/**
 * The PostgreSQL twin of schema.prisma: Prisma 7 clients are per provider, so the same models
 * are generated a second time with provider postgresql into generated/prisma-pg.
 */
export function writePostgresSchema() {
  const source = readFileSync(join(ROOT, 'prisma', 'schema.prisma'), 'utf8');
  const derived = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/generated\/prisma"/, 'output   = "./prisma-pg"');
  if (derived === source || !derived.includes('"postgresql"') || !derived.includes('./prisma-pg')) throw new Error('schema.prisma: cannot derive the PostgreSQL schema (provider or output line changed)');
  mkdirSync(join(ROOT, 'generated'), { recursive: true });
  const file = join(ROOT, 'generated', 'schema.postgresql.prisma');
  writeFileSync(file, `// Derived from prisma/schema.prisma by scripts/lib.mjs; do not edit.\n${derived}`);
  return file;
}

function prismaGenerate(schemaArgs) {
  // Prisma's CLI wants a schema-engine binary it cannot download here; generate never runs it.
  return run(process.execPath, [join(ROOT, 'node_modules', 'prisma', 'build', 'index.js'), 'generate', ...schemaArgs], { env: { PRISMA_SCHEMA_ENGINE_BINARY: STUB, PRISMA_HIDE_UPDATE_MESSAGE: '1' } });
}

/** `prisma generate` (SQLite and PostgreSQL clients) when a client is missing or older than the schema. */
export function ensurePrismaClient() {
  const inputs = newestMtime(['prisma/schema.prisma', 'package-lock.json']);
  const fresh = (file) => existsSync(file) && statSync(file).mtimeMs >= inputs;
  if (!fresh(join(ROOT, 'generated', 'prisma', 'client.ts'))) {
    console.log('[kubelab] generating the Prisma client');
    must('prisma generate', prismaGenerate([]));
  }
  if (!fresh(join(ROOT, 'generated', 'prisma-pg', 'client.ts'))) {
    console.log('[kubelab] generating the Prisma client for PostgreSQL');
    must('prisma generate (postgresql)', prismaGenerate(['--schema', writePostgresSchema()]));
  }
}

// Everything the Next build bundles or prerenders from.
const BUILD_INPUTS = ['app', 'content', 'labs', 'sandbox/protocol.ts', 'server/context.ts', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];

/** `next build` when there is no build or a source file changed since. */
export function ensureBuild() {
  const buildId = join(ROOT, '.next', 'BUILD_ID');
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestMtime(BUILD_INPUTS)) return;
  console.log('[kubelab] building the site (next build)');
  must('next build', run(process.execPath, [join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { env: { NEXT_TELEMETRY_DISABLED: '1' } }));
}
