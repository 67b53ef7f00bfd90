// Starts a sandbox worker thread. The project runs TypeScript through tsx (npm start, vitest,
// the bench), and a worker thread does not inherit the main thread's loader, so this plain-JS
// entry registers tsx in the worker before importing worker.ts.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
