// Kubeconfig files (clientcmd's v1 Config): reading the YAML, resolving the context kubectl
// uses (with --context/--cluster/--user/--server/--token/-n overrides), and writing it back
// as kubectl writes it (keys sorted, clusters, contexts and users sorted by name).
// Where the file lives is the host's business: ~/.kube/config in the learner's VFS, a real
// file for the CLI.
import { parse } from 'yaml';
import { BareError } from './host.js';
import { toYaml } from './printers/yaml.js';

export interface NamedCluster {
  name: string;
  cluster: { server?: string; 'certificate-authority-data'?: string; 'certificate-authority'?: string; 'insecure-skip-tls-verify'?: boolean; [k: string]: unknown };
}
export interface NamedContext {
  name: string;
  context: { cluster?: string; user?: string; namespace?: string; [k: string]: unknown };
}
export interface NamedUser {
  name: string;
  user: { token?: string; 'client-certificate-data'?: string; 'client-key-data'?: string; [k: string]: unknown };
}
export interface Kubeconfig {
  apiVersion: string;
  kind: string;
  clusters: NamedCluster[];
  contexts: NamedContext[];
  'current-context': string;
  preferences: Record<string, unknown>;
  users: NamedUser[];
}

/** Where kubectl reads and writes its kubeconfig. */
export interface KubeconfigStore {
  /** The path kubectl names in messages (`deleted context x from /root/.kube/config`). */
  path: string;
  read(): string | undefined;
  write(text: string): void;
}

/** What a command needs from the kubeconfig: where the server is, how to trust it and log in. */
export interface ResolvedConfig {
  contextName: string;
  server: string;
  token?: string;
  /** PEM of the CA that signed the server's certificate. */
  caData?: string;
  insecureSkipTlsVerify: boolean;
  namespace: string;
}

export interface ConfigOverrides {
  context?: string;
  cluster?: string;
  user?: string;
  server?: string;
  token?: string;
  insecureSkipTlsVerify?: boolean;
  namespace?: string;
}

export function emptyConfig(): Kubeconfig {
  return { apiVersion: 'v1', kind: 'Config', clusters: [], contexts: [], 'current-context': '', preferences: {}, users: [] };
}

export function parseKubeconfig(text: string | undefined): Kubeconfig {
  const raw = (text ? parse(text) : undefined) as Partial<Kubeconfig> | null | undefined;
  const base = emptyConfig();
  if (!raw || typeof raw !== 'object') return base;
  return {
    ...base,
    ...raw,
    clusters: (raw.clusters ?? []).map((c) => ({ name: c.name, cluster: { ...(c.cluster ?? {}) } })),
    contexts: (raw.contexts ?? []).map((c) => ({ name: c.name, context: { ...(c.context ?? {}) } })),
    users: (raw.users ?? []).map((u) => ({ name: u.name, user: { ...(u.user ?? {}) } })),
    'current-context': raw['current-context'] ?? '',
    preferences: raw.preferences ?? {},
  };
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The file as kubectl writes it; empty fields are left out as Go's omitempty does. */
export function serializeKubeconfig(config: Kubeconfig): string {
  const out: Record<string, unknown> = {
    apiVersion: config.apiVersion || 'v1',
    clusters: [...config.clusters].sort(byName).map((c) => ({ cluster: omitEmpty(c.cluster), name: c.name })),
    contexts: [...config.contexts].sort(byName).map((c) => ({ context: omitEmpty(c.context), name: c.name })),
    'current-context': config['current-context'] || undefined,
    kind: config.kind || 'Config',
    preferences: config.preferences ?? {},
    users: [...config.users].sort(byName).map((u) => ({ name: u.name, user: omitEmpty(u.user) })),
  };
  if (out['current-context'] === undefined) out['current-context'] = '';
  return toYaml(out);
}

function omitEmpty<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && v !== false)) as T;
}

export function loadKubeconfig(store: KubeconfigStore | undefined): Kubeconfig {
  return parseKubeconfig(store?.read());
}

export function resolveConfig(config: Kubeconfig, o: ConfigOverrides = {}): ResolvedConfig {
  const contextName = o.context ?? config['current-context'];
  const context = config.contexts.find((c) => c.name === contextName)?.context;
  // clientcmd's validation error, printed bare by kubectl (no `error: ` prefix).
  if (o.context && !context) throw new BareError(`Error in configuration: context was not found for specified context: ${o.context}`);
  const clusterName = o.cluster ?? context?.cluster;
  const cluster = config.clusters.find((c) => c.name === clusterName)?.cluster ?? {};
  const user = config.users.find((u) => u.name === (o.user ?? context?.user))?.user ?? {};
  // Without a cluster kubectl falls back to client-go's default server.
  const server = o.server ?? cluster.server ?? 'http://localhost:8080';
  const ca = cluster['certificate-authority-data'];
  return {
    contextName: contextName ?? '',
    server,
    token: o.token ?? user.token,
    caData: ca ? decodeBase64(ca) : undefined,
    insecureSkipTlsVerify: o.insecureSkipTlsVerify ?? cluster['insecure-skip-tls-verify'] === true,
    namespace: o.namespace ?? (context?.namespace || 'default'),
  };
}

/** The namespace of the current (or named) context, `default` when it names none. */
export function contextNamespace(config: Kubeconfig, contextName?: string): string {
  const name = contextName ?? config['current-context'];
  return config.contexts.find((c) => c.name === name)?.context.namespace || 'default';
}

function decodeBase64(s: string): string {
  const bin = atob(s.replace(/\s+/g, ''));
  return new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
}

/** The learner's ~/.kube/config on a fresh sandbox: kubeadm's admin.conf. */
export function defaultLearnerConfig(server: string): Kubeconfig {
  const data = btoa('kubelab-placeholder\n');
  return {
    ...emptyConfig(),
    clusters: [{ name: 'kubernetes', cluster: { 'certificate-authority-data': data, server } }],
    contexts: [{ name: 'kubernetes-admin@kubernetes', context: { cluster: 'kubernetes', user: 'kubernetes-admin' } }],
    'current-context': 'kubernetes-admin@kubernetes',
    users: [{ name: 'kubernetes-admin', user: { 'client-certificate-data': data, 'client-key-data': data } }],
  };
}
