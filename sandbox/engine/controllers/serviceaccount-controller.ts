// The serviceaccounts controller and the root CA publisher: every active namespace has a
// ServiceAccount `default` and a ConfigMap `kube-root-ca.crt`, recreated if deleted.
import { isStatusError } from '../api/errors.js';
import type { ApiClient, ResourceRef } from '../api/types.js';
import type { KubeObject } from '../objects.js';
import type { Controller, ControllerContext } from './runtime-contract.js';

const NS_REF = { group: '', version: 'v1', resource: 'namespaces' };

export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** The cluster CA (a fixed, well-formed PEM: the sandbox has no real PKI). */
export const CLUSTER_CA_PEM = [
  '-----BEGIN CERTIFICATE-----',
  'MIIDBTCCAe2gAwIBAgIIKubelabCAAAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE',
  'AxMKa3ViZXJuZXRlczAeFw0yNjAxMDExMjAwMDBaFw0zNjAxMDExMjAwMDBaMBUx',
  'EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK',
  'AoIBAQDKubelabSandboxClusterCertificateAuthorityNotARealKeyAAAAAA',
  '-----END CERTIFICATE-----',
  '',
].join('\n');

function activeNamespace(api: ApiClient, name: string): boolean {
  try {
    const ns = api.get({ ...NS_REF, name });
    return !ns.metadata.deletionTimestamp;
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return false;
    throw e;
  }
}

function ensure(api: ApiClient, ref: ResourceRef, body: KubeObject): void {
  try {
    api.get(ref);
  } catch (e) {
    if (!isStatusError(e) || e.code !== 404) throw e;
    try {
      api.create({ ...ref, name: undefined }, body);
    } catch (err) {
      // The namespace may have started terminating meanwhile; AlreadyExists means someone was first.
      if (!isStatusError(err) || (err.code !== 409 && err.code !== 403)) throw err;
    }
  }
}

const namespaceKeys = (obj: KubeObject) => [obj.metadata.namespace ?? obj.metadata.name!];

export function serviceAccountController(): Controller {
  return {
    name: 'serviceaccount-controller',
    watches: [
      { ...NS_REF, keysFor: (obj) => [obj.metadata.name!] },
      { group: '', version: 'v1', resource: 'serviceaccounts', keysFor: (obj) => (obj.metadata.name === 'default' ? namespaceKeys(obj) : []) },
    ],
    reconcile(namespace: string, ctx: ControllerContext) {
      if (!activeNamespace(ctx.api, namespace)) return;
      const ref = { group: '', version: 'v1', resource: 'serviceaccounts', namespace, name: 'default' };
      ensure(ctx.api, ref, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } });
    },
  };
}

export function rootCAPublisher(): Controller {
  return {
    name: 'root-ca-cert-publisher',
    watches: [
      { ...NS_REF, keysFor: (obj) => [obj.metadata.name!] },
      { group: '', version: 'v1', resource: 'configmaps', keysFor: (obj) => (obj.metadata.name === 'kube-root-ca.crt' ? namespaceKeys(obj) : []) },
    ],
    reconcile(namespace: string, ctx: ControllerContext) {
      if (!activeNamespace(ctx.api, namespace)) return;
      const ref = { group: '', version: 'v1', resource: 'configmaps', namespace, name: 'kube-root-ca.crt' };
      ensure(ctx.api, ref, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'kube-root-ca.crt', namespace, annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } },
        data: { 'ca.crt': CLUSTER_CA_PEM },
      });
    },
  };
}
