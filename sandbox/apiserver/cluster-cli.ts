// `npm run cluster -- --port <port> --kubeconfig <file> [--workers N] [--seed N]`: a standalone
// sandbox cluster serving its API on 127.0.0.1:<port> (HTTPS), with simulated time following
// wall time. Writes a kubeconfig for it and prints `ready` once it serves.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { kubeconfigYaml } from './kubeconfig.js';
import { createLabEngine } from './lab-engine.js';
import { followWallClock, serveEngine } from './serve.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '6443' },
    kubeconfig: { type: 'string' },
    workers: { type: 'string' },
    seed: { type: 'string' },
  },
});

const engine = createLabEngine({
  now: Date.now(),
  workers: values.workers ? Number(values.workers) : undefined,
  seed: values.seed ? Number(values.seed) : undefined,
});
const token = randomBytes(24).toString('hex');
const serving = await serveEngine(engine, token, Number(values.port));
const stopClock = followWallClock(engine);
if (values.kubeconfig) writeFileSync(values.kubeconfig, kubeconfigYaml({ server: serving.url, token, caCert: serving.caCert }), { mode: 0o600 });
console.log(`Kubelab cluster API at ${serving.url}${values.kubeconfig ? `, kubeconfig ${values.kubeconfig}` : ''}`);
console.log('ready');

async function shutdown(): Promise<void> {
  stopClock();
  await serving.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
