// The control plane's static pods, as kubeadm writes their manifests into
// /etc/kubernetes/manifests on the control-plane node, and the mirror pods the kubelet posts
// for them (annotations kubernetes.io/config.*, owned by the Node). Commands follow kubeadm 1.32.
import { parse, stringify } from 'yaml';
import type { ApiClient } from '../api/types.js';
import type { KubeObject } from '../objects.js';
import { hex as hexBytes, sha256 } from '../network/sha256.js';

export interface ControlPlaneParams {
  node: string;
  nodeUid: string;
  advertiseAddress: string; // the node's InternalIP
  version: string; // v1.32.1
  now: number;
  random: { next(): number };
}

interface Manifest {
  component: string;
  image: string;
  command: string[];
  cpu: string;
  memory?: string;
  annotations: (p: ControlPlaneParams) => Record<string, string>;
  livenessPort: number;
  livenessPath: string;
  scheme: 'HTTP' | 'HTTPS';
  hostPathVolumes: Array<[name: string, path: string, type: string]>;
}

const MANIFESTS = (p: ControlPlaneParams): Manifest[] => [
  {
    component: 'etcd',
    image: 'registry.k8s.io/etcd:3.5.16-0',
    command: ['etcd', `--advertise-client-urls=https://${p.advertiseAddress}:2379`, '--cert-file=/etc/kubernetes/pki/etcd/server.crt', '--client-cert-auth=true', '--data-dir=/var/lib/etcd', '--experimental-initial-corrupt-check=true', '--experimental-watch-progress-notify-interval=5s', `--initial-advertise-peer-urls=https://${p.advertiseAddress}:2380`, `--initial-cluster=${p.node}=https://${p.advertiseAddress}:2380`, '--key-file=/etc/kubernetes/pki/etcd/server.key', `--listen-client-urls=https://127.0.0.1:2379,https://${p.advertiseAddress}:2379`, '--listen-metrics-urls=http://127.0.0.1:2381', `--listen-peer-urls=https://${p.advertiseAddress}:2380`, `--name=${p.node}`, '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt', '--peer-client-cert-auth=true', '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key', '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt', '--snapshot-count=10000', '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt'],
    cpu: '100m',
    memory: '100Mi',
    annotations: (q) => ({ 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${q.advertiseAddress}:2379` }),
    livenessPort: 2381,
    livenessPath: '/livez',
    scheme: 'HTTP',
    hostPathVolumes: [['etcd-certs', '/etc/kubernetes/pki/etcd', 'DirectoryOrCreate'], ['etcd-data', '/var/lib/etcd', 'DirectoryOrCreate']],
  },
  {
    component: 'kube-apiserver',
    image: `registry.k8s.io/kube-apiserver:${p.version}`,
    command: ['kube-apiserver', `--advertise-address=${p.advertiseAddress}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', '--client-ca-file=/etc/kubernetes/pki/ca.crt', '--enable-admission-plugins=NodeRestriction', '--enable-bootstrap-token-auth=true', '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt', '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt', '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key', '--etcd-servers=https://127.0.0.1:2379', '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt', '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt', '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key', '--requestheader-allowed-names=front-proxy-client', '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt', '--requestheader-extra-headers-prefix=X-Remote-Extra-', '--requestheader-group-headers=X-Remote-Group', '--requestheader-username-headers=X-Remote-User', '--secure-port=6443', '--service-account-issuer=https://kubernetes.default.svc.cluster.local', '--service-account-key-file=/etc/kubernetes/pki/sa.pub', '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key', '--service-cluster-ip-range=10.96.0.0/12', '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt', '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key'],
    cpu: '250m',
    annotations: (q) => ({ 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${q.advertiseAddress}:6443` }),
    livenessPort: 6443,
    livenessPath: '/livez',
    scheme: 'HTTPS',
    hostPathVolumes: [['ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'], ['etc-ca-certificates', '/etc/ca-certificates', 'DirectoryOrCreate'], ['k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate'], ['usr-local-share-ca-certificates', '/usr/local/share/ca-certificates', 'DirectoryOrCreate'], ['usr-share-ca-certificates', '/usr/share/ca-certificates', 'DirectoryOrCreate']],
  },
  {
    component: 'kube-controller-manager',
    image: `registry.k8s.io/kube-controller-manager:${p.version}`,
    command: ['kube-controller-manager', '--allocate-node-cidrs=true', '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf', '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf', '--bind-address=127.0.0.1', '--client-ca-file=/etc/kubernetes/pki/ca.crt', '--cluster-cidr=10.244.0.0/16', '--cluster-name=kubernetes', '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt', '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key', '--controllers=*,bootstrapsigner,tokencleaner', '--kubeconfig=/etc/kubernetes/controller-manager.conf', '--leader-elect=true', '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt', '--root-ca-file=/etc/kubernetes/pki/ca.crt', '--service-account-private-key-file=/etc/kubernetes/pki/sa.key', '--service-cluster-ip-range=10.96.0.0/12', '--use-service-account-credentials=true'],
    cpu: '200m',
    annotations: () => ({}),
    livenessPort: 10257,
    livenessPath: '/healthz',
    scheme: 'HTTPS',
    hostPathVolumes: [['ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'], ['flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', 'DirectoryOrCreate'], ['k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate'], ['kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate']],
  },
  {
    component: 'kube-scheduler',
    image: `registry.k8s.io/kube-scheduler:${p.version}`,
    command: ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'],
    cpu: '100m',
    annotations: () => ({}),
    livenessPort: 10259,
    livenessPath: '/livez',
    scheme: 'HTTPS',
    hostPathVolumes: [['kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate']],
  },
];

function hex(random: { next(): number }, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(random.next() * 16)];
  return s;
}

/** kubeadm mounts etcd's data before its certificates, read-write; the others' mounts by name, certificates and kubeconfigs read-only. */
function volumeMounts(m: Manifest): Array<Record<string, unknown>> {
  if (m.component === 'etcd') return [...m.hostPathVolumes].reverse().map(([name, path]) => ({ mountPath: path, name }));
  return m.hostPathVolumes.map(([name, path]) => ({ mountPath: path, name, ...(name.includes('cert') || name === 'kubeconfig' ? { readOnly: true } : {}) }));
}

/** The Pod kubeadm writes to /etc/kubernetes/manifests/<component>.yaml (its field order and omissions). */
function staticPodManifest(m: Manifest, p: ControlPlaneParams): Record<string, unknown> {
  const requests: Record<string, string> = { cpu: m.cpu };
  if (m.memory) requests.memory = m.memory;
  const probe = (failureThreshold: number) => ({ failureThreshold, httpGet: { host: m.component === 'kube-apiserver' ? p.advertiseAddress : '127.0.0.1', path: m.livenessPath, port: m.livenessPort, scheme: m.scheme }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 });
  const annotations = m.annotations(p);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(Object.keys(annotations).length ? { annotations } : {}),
      creationTimestamp: null,
      labels: { component: m.component, tier: 'control-plane' },
      name: m.component,
      namespace: 'kube-system',
    },
    spec: {
      containers: [
        {
          command: m.command,
          image: m.image,
          imagePullPolicy: 'IfNotPresent',
          livenessProbe: probe(8),
          name: m.component,
          resources: { requests },
          startupProbe: probe(24),
          volumeMounts: volumeMounts(m),
        },
      ],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes: m.hostPathVolumes.map(([name, path, type]) => ({ hostPath: { path, type }, name })),
    },
    status: {},
  };
}

/**
 * kubeadm's control-plane manifests as files: `etcd.yaml`, `kube-apiserver.yaml`, … → YAML.
 * Draws the random source as the mirror pods' hashes once did, so clusters made before the
 * manifests became files keep their random sequence (uids, IPs) and so their goldens.
 */
export function controlPlaneManifestFiles(p: ControlPlaneParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of MANIFESTS(p)) {
    hex(p.random, 32);
    out[`${m.component}.yaml`] = stringify(staticPodManifest(m, p), { indentSeq: false });
  }
  return out;
}

/** Images kubeadm pre-pulls (`kubeadm config images pull`), present on every node before any pod runs. */
export function preloadedImages(version: string): string[] {
  return [
    `registry.k8s.io/kube-apiserver:${version}`,
    `registry.k8s.io/kube-controller-manager:${version}`,
    `registry.k8s.io/kube-scheduler:${version}`,
    `registry.k8s.io/kube-proxy:${version}`,
    'registry.k8s.io/coredns/coredns:v1.11.3',
    'registry.k8s.io/pause:3.10',
    'registry.k8s.io/etcd:3.5.16-0',
  ];
}


/** Where kubeadm's kubelet config points staticPodPath. */
export const STATIC_POD_PATH = '/etc/kubernetes/manifests';

/** The files of a node the static-pod source reads. */
export interface ManifestSource {
  list(dir: string): string[] | undefined;
  read(path: string): string | undefined;
}

export interface StaticPodSyncParams {
  node: string;
  nodeUid: string;
  now: number;
}

/** A manifest the kubelet could not turn into a pod: what its log says (journalctl -u kubelet). */
export interface StaticPodError {
  file: string;
  /** The kubelet's log message ("Could not process manifest file"), logged with err and path. */
  message: string;
  err: string;
}

const COULD_NOT_PROCESS = 'Could not process manifest file';

interface DesiredPod {
  pod: Record<string, unknown>;
  hash: string;
}

const podsOf = (namespace?: string) => ({ group: '', version: 'v1', resource: 'pods', ...(namespace ? { namespace } : {}) });

/** kubelet/config/common.go's defaults for a pod from a file: its name, node, namespace, toleration, annotations. */
function mirrorFromManifest(manifest: Record<string, unknown>, hash: string, p: StaticPodSyncParams): Record<string, unknown> {
  const meta = { ...(manifest.metadata as Record<string, unknown>) };
  delete meta.creationTimestamp;
  const spec = { ...((manifest.spec as Record<string, unknown>) ?? {}) };
  const tolerations = [...((spec.tolerations as unknown[]) ?? []), { effect: 'NoExecute', operator: 'Exists' }];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta,
      name: `${String(meta.name)}-${p.node}`,
      namespace: (meta.namespace as string | undefined) || 'default',
      annotations: {
        ...((meta.annotations as Record<string, string>) ?? {}),
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': new Date(p.now).toISOString().replace('Z', '000000Z'),
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', controller: true, kind: 'Node', name: p.node, uid: p.nodeUid }],
    },
    spec: { ...spec, nodeName: p.node, tolerations },
  };
}

/** Parses one manifest file as the kubelet's file source does (YAML or JSON, a v1 Pod with a name). */
function readManifest(file: string, content: string, p: StaticPodSyncParams): DesiredPod | StaticPodError {
  let doc: unknown;
  try {
    doc = parse(content);
  } catch (e) {
    return { file, message: COULD_NOT_PROCESS, err: `${file}: couldn't parse as pod(${(e as Error).message.split('\n')[0]}), please check config file` };
  }
  const obj = doc as { kind?: unknown; apiVersion?: unknown; metadata?: { name?: unknown } } | null;
  if (!obj || typeof obj !== 'object' || obj.kind !== 'Pod' || obj.apiVersion !== 'v1') {
    return { file, message: COULD_NOT_PROCESS, err: `${file}: couldn't parse as pod(Object 'Kind' is missing in '${content.trim().split('\n')[0]}'), please check config file` };
  }
  if (typeof obj.metadata?.name !== 'string' || !obj.metadata.name) {
    return { file, message: COULD_NOT_PROCESS, err: `invalid pod: [metadata.name: Required value: name or generateName is required]` };
  }
  const hash = hexBytes(sha256(`${p.node}\n${content}`)).slice(0, 32);
  return { pod: mirrorFromManifest(obj as Record<string, unknown>, hash, p), hash };
}

function desiredPods(files: ManifestSource, p: StaticPodSyncParams, errors: StaticPodError[]): Map<string, DesiredPod> {
  const desired = new Map<string, DesiredPod>();
  for (const name of files.list(STATIC_POD_PATH) ?? []) {
    if (name.startsWith('.')) continue; // the kubelet skips hidden files (editors' swap files)
    const file = `${STATIC_POD_PATH}/${name}`;
    const content = files.read(file);
    if (content === undefined) continue;
    const d = readManifest(file, content, p);
    if ('message' in d) errors.push(d);
    else {
      const meta = d.pod.metadata as { namespace: string; name: string };
      desired.set(`${meta.namespace}/${meta.name}`, d);
    }
  }
  return desired;
}

/**
 * Makes the node's mirror pods match its manifest directory: creates missing ones, recreates
 * one whose manifest changed (a new config.hash), deletes those whose file is gone. Returns the
 * manifests it could not use.
 */
export function syncStaticPods(api: ApiClient, files: ManifestSource, p: StaticPodSyncParams): StaticPodError[] {
  const errors: StaticPodError[] = [];
  const desired = desiredPods(files, p, errors);
  const existing = api.list(podsOf(), { fieldSelector: `spec.nodeName=${p.node}` }).items.filter((pod) => pod.metadata.annotations?.['kubernetes.io/config.mirror']);
  for (const pod of existing) {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const want = desired.get(key);
    if (want && want.hash === pod.metadata.annotations?.['kubernetes.io/config.mirror'] && !pod.metadata.deletionTimestamp) {
      desired.delete(key);
      continue;
    }
    deleteMirror(api, pod);
  }
  for (const d of desired.values()) {
    const ns = (d.pod.metadata as { namespace: string }).namespace;
    try {
      api.create(podsOf(ns), d.pod);
    } catch (e) {
      errors.push({ file: String((d.pod.metadata as { name: string }).name), message: 'Failed creating a mirror pod', err: (e as Error).message });
    }
  }
  return errors;
}

function deleteMirror(api: ApiClient, pod: KubeObject): void {
  try {
    api.delete({ ...podsOf(pod.metadata.namespace), name: pod.metadata.name }, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
  } catch {
    // Already gone: the kubelet retries on its next sync anyway.
  }
}
