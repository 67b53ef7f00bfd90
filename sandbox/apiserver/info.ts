// `/version` and the health endpoints (`/healthz`, `/livez`, `/readyz`, with `?verbose` and
// per-check paths), shaped like a kubeadm cluster's v1.32 API server.

/** The server reports the same build as the kubectl 1.32 installed here. */
export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.5',
  gitCommit: '9894294ef13a5b32803e3ca2c0d620a088cc84d1',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T09:12:10Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const POST_START_HOOKS = [
  'start-apiserver-admission-initializer',
  'generic-apiserver-start-informers',
  'priority-and-fairness-config-consumer',
  'priority-and-fairness-filter',
  'storage-object-count-tracker-hook',
  'start-apiextensions-informers',
  'start-apiextensions-controllers',
  'crd-informer-synced',
  'start-system-namespaces-controller',
  'bootstrap-controller',
  'start-cluster-authentication-info-controller',
  'start-kube-apiserver-identity-lease-controller',
  'start-legacy-token-tracking-controller',
  'start-service-ip-repair-controllers',
  'rbac/bootstrap-roles',
  'scheduling/bootstrap-system-priority-classes',
  'priority-and-fairness-config-producer',
  'start-kube-aggregator-informers',
  'apiservice-registration-controller',
  'apiservice-status-available-controller',
  'apiservice-discovery-controller',
  'kube-apiserver-autoregistration',
  'aggregator-reload-proxy-client-cert',
].map((h) => `poststarthook/${h}`);

const CHECKS: Record<string, string[]> = {
  healthz: ['ping', 'log', 'etcd', ...POST_START_HOOKS, 'autoregister-completion'],
  livez: ['ping', 'log', 'etcd', ...POST_START_HOOKS, 'autoregister-completion'],
  readyz: ['ping', 'log', 'etcd', 'etcd-readiness', 'api-priority-and-fairness', 'informer-sync', ...POST_START_HOOKS, 'autoregister-completion', 'shutdown'],
};

export interface HealthAnswer {
  code: number;
  text: string;
}

/** `/healthz`, `/healthz?verbose`, `/healthz/etcd`…; undefined when the path is not a health path. */
export function health(pathname: string, verbose: boolean): HealthAnswer | undefined {
  const [, endpoint, ...rest] = pathname.split('/');
  const checks = CHECKS[endpoint];
  if (!checks) return undefined;
  if (rest.length) {
    const check = rest.join('/');
    return checks.includes(check) ? { code: 200, text: 'ok' } : { code: 404, text: '404 page not found\n' };
  }
  if (!verbose) return { code: 200, text: 'ok' };
  return { code: 200, text: `${checks.map((c) => `[+]${c} ok\n`).join('')}${endpoint} check passed\n` };
}
