// ServiceAccount admission: a pod runs as `default` unless it names an account, the account must
// exist, and (unless automount is off) the API credentials are mounted as the projected volume
// `kube-api-access-<5 chars>` at /var/run/secrets/kubernetes.io/serviceaccount, exactly as a real
// cluster's pods show it.
import { failure } from '../api/errors-extra.js';
import { isStatusError } from '../api/errors.js';
import { generatedName } from '../api/request.js';
import type { KubeObject } from '../objects.js';
import { isResource, type AdmissionAttributes, type AdmissionContext, type AdmissionPlugin } from './types.js';

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

interface Container {
  name: string;
  volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean }>;
}
interface PodSpec {
  serviceAccountName?: string;
  serviceAccount?: string;
  automountServiceAccountToken?: boolean;
  volumes?: Array<Record<string, unknown> & { name: string }>;
  containers?: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
}

export function apiAccessVolume(name: string) {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

const forbiddenPod = (a: AdmissionAttributes, why: string) =>
  failure(403, 'Forbidden', a.name ? `pods ${JSON.stringify(a.name)} is forbidden: ${why}` : `pods is forbidden: ${why}`, {
    ...(a.name ? { name: a.name } : {}),
    kind: 'pods',
  });

function lookupAccount(a: AdmissionAttributes, ctx: AdmissionContext, name: string): KubeObject {
  try {
    return ctx.api.get({ group: '', version: 'v1', resource: 'serviceaccounts', namespace: a.namespace, name });
  } catch (e) {
    if (isStatusError(e) && e.code === 404) {
      throw forbiddenPod(a, `error looking up service account ${a.namespace}/${name}: serviceaccount ${JSON.stringify(name)} not found`);
    }
    throw e;
  }
}

function mountsAt(c: Container): boolean {
  return (c.volumeMounts ?? []).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH);
}

export const serviceAccountAdmission: AdmissionPlugin = {
  name: 'ServiceAccount',
  admit(a, ctx) {
    if (a.operation !== 'CREATE' || a.subresource || !isResource(a, '', 'pods') || !a.object) return;
    const pod = a.object;
    if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION]) return;
    const spec = (pod.spec ?? (pod.spec = {})) as PodSpec;
    if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || 'default';
    spec.serviceAccount = spec.serviceAccountName;
    const account = lookupAccount(a, ctx, spec.serviceAccountName);
    const automount = spec.automountServiceAccountToken ?? (account as { automountServiceAccountToken?: boolean }).automountServiceAccountToken ?? true;
    if (!automount) return;
    const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
    if (containers.length && containers.every(mountsAt)) return;
    const volumeName = generatedName('kube-api-access-', ctx.random);
    spec.volumes = [...(spec.volumes ?? []), apiAccessVolume(volumeName)];
    for (const c of containers) {
      if (mountsAt(c)) continue;
      c.volumeMounts = [...(c.volumeMounts ?? []), { name: volumeName, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH }];
    }
  },
};
