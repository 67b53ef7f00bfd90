// Serving an engine on a loopback port: listen, and (for live sandboxes) let simulated time
// follow wall time by advancing the engine on an interval. The engine never reads the clock;
// this process does.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServedEngine } from './engine-contract.js';
import { createApiServer } from './server.js';
import { selfSignedCertificate } from './tls.js';
import { onApiServerReachability } from '../engine/components.js';

export interface Serving {
  server: Server;
  port: number;
  url: string;
  /** PEM of the server's self-signed certificate: the kubeconfig's certificate-authority-data. */
  caCert: string;
  close(): Promise<void>;
}

export async function serveEngine(engine: ServedEngine, token: string, port = 0, host = '127.0.0.1'): Promise<Serving> {
  const tls = selfSignedCertificate();
  const server = createApiServer({ engine, token, tls });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  const unsubscribe = followApiServer(server, engine, actual, host);
  return {
    server,
    port: actual,
    url: `https://${host}:${actual}`,
    caCert: tls.cert,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        server.closeAllConnections();
        if (!server.listening) return resolve();
        server.close(() => resolve());
      }),
  };
}

/**
 * While the cluster's kube-apiserver (or etcd) is down, nothing listens on its port: clients get
 * `connection refused`, as from a control-plane node whose API server static pod is gone.
 */
function followApiServer(server: Server, engine: object, port: number, host: string): () => void {
  return onApiServerReachability(engine, (up) => {
    if (up && !server.listening) server.listen(port, host);
    if (!up && server.listening) {
      server.close();
      server.closeAllConnections();
    }
  });
}

/** Advances the engine by the wall time elapsed, every `intervalMs`. Returns a stop function. */
export function followWallClock(engine: ServedEngine, intervalMs = 100, wallNow: () => number = Date.now): () => void {
  if (!engine.advance) return () => {};
  let last = wallNow();
  const timer = setInterval(() => {
    const now = wallNow();
    const elapsed = now - last;
    last = now;
    if (elapsed > 0) engine.advance!(elapsed);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
