// Pod and pod template defaults (k8s.io/kubernetes pkg/apis/core/v1/defaults.go and the generated
// defaulters, 1.32). Admission adds more to pods (serviceAccountName, tolerations, priority, the
// kube-api-access volume); that is not defaulting and is not done here.
import { child, list, setDefault, type Obj } from './util.js';

/** The tag of an image reference, "latest" when it has neither tag nor digest (parsers.ParseImageName). */
export function imageTag(image: string): string {
  if (!image || image !== image.trim()) return '';
  if (image.includes('@')) {
    const name = image.slice(0, image.indexOf('@'));
    const tag = tagOf(name);
    return tag;
  }
  return tagOf(image) || 'latest';
}
function tagOf(name: string): string {
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  return colon >= 0 ? name.slice(colon + 1) : '';
}

function defaultHandler(handler: Obj | undefined): void {
  if (!handler) return;
  if (handler.httpGet) {
    setDefault(handler.httpGet, 'path', '/');
    setDefault(handler.httpGet, 'scheme', 'HTTP');
  }
  if (handler.grpc && handler.grpc.service === undefined) handler.grpc.service = '';
}

function defaultProbe(probe: Obj | undefined): void {
  if (!probe) return;
  defaultHandler(probe);
  setDefault(probe, 'timeoutSeconds', 1);
  setDefault(probe, 'periodSeconds', 10);
  setDefault(probe, 'successThreshold', 1);
  setDefault(probe, 'failureThreshold', 3);
}

function defaultEnv(env: Obj[]): void {
  for (const ev of env) {
    const from = ev.valueFrom;
    if (from?.fieldRef) setDefault(from.fieldRef, 'apiVersion', 'v1');
    if (from?.resourceFieldRef) setDefault(from.resourceFieldRef, 'divisor', '0');
  }
}

export function defaultContainer(c: Obj): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(String(c.image ?? '')) === 'latest' ? 'Always' : 'IfNotPresent';
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  for (const port of list(c.ports)) setDefault(port, 'protocol', 'TCP');
  child(c, 'resources');
  defaultEnv(list(c.env));
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHandler(c.lifecycle?.postStart);
  defaultHandler(c.lifecycle?.preStop);
}

function defaultItemsFieldRefs(items: unknown): void {
  for (const item of list(items)) if (item.fieldRef) setDefault(item.fieldRef, 'apiVersion', 'v1');
}

export function defaultVolume(vol: Obj): void {
  const sources = Object.keys(vol).filter((k) => k !== 'name' && vol[k] !== null && vol[k] !== undefined);
  if (sources.length === 0) vol.emptyDir = {};
  if (vol.secret) setDefault(vol.secret, 'defaultMode', 420);
  if (vol.configMap) setDefault(vol.configMap, 'defaultMode', 420);
  if (vol.downwardAPI) {
    setDefault(vol.downwardAPI, 'defaultMode', 420);
    defaultItemsFieldRefs(vol.downwardAPI.items);
  }
  if (vol.projected) {
    setDefault(vol.projected, 'defaultMode', 420);
    for (const src of list(vol.projected.sources)) {
      if (src.serviceAccountToken) setDefault(src.serviceAccountToken, 'expirationSeconds', 3600);
      if (src.downwardAPI) defaultItemsFieldRefs(src.downwardAPI.items);
    }
  }
  if (vol.hostPath && vol.hostPath.type === undefined) vol.hostPath.type = '';
  if (vol.iscsi) setDefault(vol.iscsi, 'iscsiInterface', 'default');
  if (vol.ephemeral?.volumeClaimTemplate?.spec) setDefault(vol.ephemeral.volumeClaimTemplate.spec, 'volumeMode', 'Filesystem');
}

/** With hostNetwork, container ports' hostPort defaults to containerPort. */
function defaultHostNetworkPorts(containers: Obj[]): void {
  for (const c of containers) for (const port of list(c.ports)) if (!port.hostPort) port.hostPort = port.containerPort;
}

/** SetDefaults_PodSpec plus the per-container and per-volume defaults, for pods and templates. */
export function defaultPodSpec(spec: Obj): void {
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  if (spec.hostNetwork === true) {
    defaultHostNetworkPorts(list(spec.containers));
    defaultHostNetworkPorts(list(spec.initContainers));
  }
  child(spec, 'securityContext');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  for (const vol of list(spec.volumes)) defaultVolume(vol);
  for (const c of [...list(spec.initContainers), ...list(spec.containers), ...list(spec.ephemeralContainers)]) defaultContainer(c);
}

/**
 * A pod template as it appears in workloads: Go serializes its empty creationTimestamp as null
 * (1.32 has no omitzero), so `kubectl get -o yaml` shows `creationTimestamp: null`.
 */
export function defaultPodTemplate(template: Obj | undefined): void {
  if (!template || typeof template !== 'object') return;
  const meta = child(template, 'metadata');
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
  defaultPodSpec(child(template, 'spec'));
}

/** Only pods (not templates) copy limits to missing requests and get enableServiceLinks. */
export function defaultPod(pod: Obj): void {
  const spec = child(pod, 'spec');
  for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
    const limits = c.resources?.limits;
    if (limits && typeof limits === 'object') {
      const requests = child(child(c, 'resources'), 'requests');
      for (const [name, value] of Object.entries(limits)) if (requests[name] === undefined) requests[name] = value;
    }
  }
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  defaultPodSpec(spec);
}
