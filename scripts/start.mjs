// `npm start`: Prisma client, production build when missing or stale, then the server
// (server.ts migrates the database, or refuses to start and says why) on http://localhost:3000.
import { spawn } from 'node:child_process';
import { ROOT, ensureBuild, ensureDependencies, ensurePrismaClient } from './lib.mjs';

ensureDependencies();
ensurePrismaClient();
ensureBuild();

const server = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...process.env },
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
