// A terminal over several clusters (an exam's k8s-a, k8s-b…), as the CKA's one terminal with a
// kubeconfig of several contexts: kubectl reaches the cluster its context names (current-context,
// `use-context`, `--context`), and `ssh node01` goes to node01 of the current context's cluster.
// Each cluster has its own API server address in the kubeconfig; kubectl's connect() maps the
// resolved server back to that cluster's engine. An address nobody serves is refused, as a real
// kubectl is when the learner edits the file wrongly.
import type { ApiClient } from '../engine/api/types.js';
import type { Clock } from '../engine/clock.js';
import { ConnectionRefusedError, inProcessClient, type KubeClient } from '../kubectl/client.js';
import { LEARNER_KUBECONFIG } from '../kubectl/context.js';
import { emptyConfig, parseKubeconfig, resolveConfig, serializeKubeconfig, type Kubeconfig, type ResolvedConfig } from '../kubectl/kubeconfig.js';
import type { Vfs } from './vfs.js';

export interface ContextCluster {
  /** Context, cluster and user name in the kubeconfig: k8s-a. */
  name: string;
  /** The learner's client of that cluster (writes traced as kubectl). */
  api: ApiClient;
  /** Its engine: logs, exec, nodes' files. */
  cluster: object;
}

export interface ClusterContexts {
  /** The cluster the learner's current context names (the first one when it names none). */
  current(): ContextCluster;
  /** Every cluster, in kubeconfig order. */
  readonly clusters: readonly ContextCluster[];
  /** kubectl's client for a resolved kubeconfig (KubectlHost.connect). */
  connect(config: ResolvedConfig): KubeClient;
}

/** The API server address a context's cluster has in the kubeconfig. */
export const contextServer = (name: string) => `https://${name}:6443`;

/** The learner's kubeconfig for these clusters: one context each, the first one current. */
export function multiClusterKubeconfig(names: readonly string[]): string {
  const data = btoa('kubelab-placeholder\n');
  const config: Kubeconfig = {
    ...emptyConfig(),
    clusters: names.map((name) => ({ name, cluster: { 'certificate-authority-data': data, server: contextServer(name) } })),
    contexts: names.map((name) => ({ name, context: { cluster: name, user: name } })),
    'current-context': names[0] ?? '',
    users: names.map((name) => ({ name, user: { 'client-certificate-data': data, 'client-key-data': data } })),
  };
  return serializeKubeconfig(config);
}

export function clusterContexts(clusters: readonly ContextCluster[], fs: Vfs, clock: Clock): ClusterContexts {
  if (clusters.length === 0) throw new Error('clusterContexts needs at least one cluster');
  const clients = new Map(clusters.map((c) => [contextServer(c.name), { ...inProcessClient(c.api, clock, c.cluster), serverUrl: contextServer(c.name) }]));
  const byServer = (server: string) => clusters.find((c) => contextServer(c.name) === server);
  return {
    clusters,
    current() {
      const text = fs.exists(LEARNER_KUBECONFIG) ? fs.readFile(LEARNER_KUBECONFIG) : undefined;
      let server: string | undefined;
      try {
        server = resolveConfig(parseKubeconfig(text)).server;
      } catch {
        server = undefined; // a file the learner broke: ssh still reaches the first cluster
      }
      return (server && byServer(server)) || clusters[0];
    },
    connect(config) {
      return clients.get(config.server) ?? refusingClient(config.server, clients.values().next().value as KubeClient);
    },
  };
}

/** Every call refused, as for an address where no API server listens. */
function refusingClient(server: string, shape: KubeClient): KubeClient {
  let host = server;
  try {
    host = new URL(server).host;
  } catch {
    // not a URL: kubectl names it as written
  }
  const refuse = async () => {
    throw new ConnectionRefusedError(server, host);
  };
  const out: Record<string, unknown> = { serverUrl: server };
  for (const [k, v] of Object.entries(shape)) if (typeof v === 'function') out[k] = refuse;
  return out as unknown as KubeClient;
}
