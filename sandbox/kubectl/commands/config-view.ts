// How `kubectl config view` shows a kubeconfig: secrets redacted (DATA+OMITTED for *-data,
// REDACTED for tokens and passwords) and, for -o json, clientcmd's v1 struct field order.
import type { Kubeconfig } from '../kubeconfig.js';

const OMITTED_DATA = ['certificate-authority-data', 'client-certificate-data', 'client-key-data'];
const REDACTED = ['token', 'password'];

function redact(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...o };
  for (const k of OMITTED_DATA) if (out[k]) out[k] = 'DATA+OMITTED';
  for (const k of REDACTED) if (out[k]) out[k] = 'REDACTED';
  return out;
}

export function redacted(c: Kubeconfig): Kubeconfig {
  return { ...c, clusters: c.clusters.map((x) => ({ ...x, cluster: redact(x.cluster) })), users: c.users.map((u) => ({ ...u, user: redact(u.user) })) };
}

const CLUSTER_FIELDS = ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression', 'extensions'];
const CONTEXT_FIELDS = ['cluster', 'user', 'namespace', 'extensions'];
const USER_FIELDS = ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid', 'as-groups', 'as-user-extra', 'username', 'password', 'auth-provider', 'exec', 'extensions'];

function ordered(o: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (o[f] !== undefined && o[f] !== '' && o[f] !== false) out[f] = o[f];
  return out;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The kubeconfig as Go marshals clientcmd's v1.Config (struct order, entries sorted by name). */
export function configJson(c: Kubeconfig): Record<string, unknown> {
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: c.preferences ?? {},
    clusters: [...c.clusters].sort(byName).map((x) => ({ name: x.name, cluster: ordered(x.cluster, CLUSTER_FIELDS) })),
    users: [...c.users].sort(byName).map((u) => ({ name: u.name, user: ordered(u.user, USER_FIELDS) })),
    contexts: [...c.contexts].sort(byName).map((x) => ({ name: x.name, context: ordered(x.context, CONTEXT_FIELDS) })),
    'current-context': c['current-context'] ?? '',
  };
}
