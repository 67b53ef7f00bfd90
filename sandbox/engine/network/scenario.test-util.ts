// A default cluster with an nginx Deployment behind Services of every type, on simulated time.
import { ManualClock, SeededRandom } from '../clock.js';
import { createDefaultCluster } from '../cluster.js';
import type { Engine } from '../engine.js';
import { setNetworkOptions } from './index.js';
import type { NetworkOptions } from './options.js';
import { networkContext } from './request.js';

export const T0 = Date.parse('2025-03-01T10:00:00Z');
const ref = (group: string, resource: string, namespace?: string) => ({ group, version: 'v1', resource, namespace });

export function cluster(opts: Partial<NetworkOptions> = {}, seed = 7): Engine {
  const { cni, proxyMode, cloud = true, ...rest } = opts;
  const engine = createDefaultCluster({ clock: new ManualClock(T0), random: new SeededRandom(seed), cni, kubeProxyMode: proxyMode, cloud });
  setNetworkOptions(engine, rest);
  engine.advance(10_000);
  return engine;
}

export function create(engine: Engine, group: string, resource: string, body: Record<string, unknown>): void {
  const ns = (body.metadata as { namespace?: string }).namespace ?? 'default';
  engine.client('kubectl').create(ref(group, resource, resource === 'namespaces' ? undefined : ns), body);
}

export function deployment(engine: Engine, name: string, image: string, replicas = 2, extra: Record<string, unknown> = {}, ns = 'default'): void {
  create(engine, 'apps', 'deployments', {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image, ...extra }] } } },
  });
}

export function service(engine: Engine, name: string, spec: Record<string, unknown>, ns = 'default'): void {
  create(engine, '', 'services', { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec });
}

export function svcIP(engine: Engine, name: string, ns = 'default'): string {
  return (engine.api.get({ ...ref('', 'services', ns), name }).spec as { clusterIP: string }).clusterIP;
}

export function ctxOf(engine: Engine) {
  return networkContext({ api: engine.api, random: engine.random, clock: engine.clock, cluster: engine });
}

/** nginx ×2 behind `web` (ClusterIP), `web-np` (NodePort 30080), `web-lb` (LoadBalancer); http-echo behind `echo`. */
export function webCluster(opts: Partial<NetworkOptions> = {}): Engine {
  const engine = cluster(opts);
  deployment(engine, 'web', 'nginx:1.27');
  deployment(engine, 'echo', 'hashicorp/http-echo', 1, { args: ['-text=hello from echo', '-listen=:8080'] });
  service(engine, 'web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] });
  service(engine, 'web-np', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, nodePort: 30080 }] });
  service(engine, 'web-lb', { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] });
  service(engine, 'echo', { selector: { app: 'echo' }, ports: [{ port: 80, targetPort: 8080 }] });
  service(engine, 'empty', { selector: { app: 'nothing' }, ports: [{ port: 80 }] });
  engine.advance(10_000); // nginx and http-echo Ready after ~5 s
  return engine;
}
