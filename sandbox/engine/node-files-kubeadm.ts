// What `kubeadm init` / `kubeadm join` leave on a v1.32 node's disk: the static-pod manifests
// (control plane only), the kubeconfigs, the PKI file names, the kubelet's config.yaml and the
// CNI plugin's config in /etc/cni/net.d. Key and certificate contents are PEM-looking text: a
// learner reads names and paths, nothing verifies a signature.
import { CLUSTER_CA_PEM } from './controllers/serviceaccount-controller.js';
import { controlPlaneManifestFiles, type ControlPlaneParams } from './kubelet/static-pods.js';
import type { Cni } from './network/options.js';
import { fileTable, type NodeFileTable } from './node-files.js';

export const MANIFESTS_DIR = '/etc/kubernetes/manifests';

const PKI_FILES = [
  'apiserver.crt', 'apiserver.key', 'apiserver-etcd-client.crt', 'apiserver-etcd-client.key', 'apiserver-kubelet-client.crt', 'apiserver-kubelet-client.key',
  'ca.crt', 'ca.key', 'front-proxy-ca.crt', 'front-proxy-ca.key', 'front-proxy-client.crt', 'front-proxy-client.key', 'sa.key', 'sa.pub',
  'etcd/ca.crt', 'etcd/ca.key', 'etcd/healthcheck-client.crt', 'etcd/healthcheck-client.key', 'etcd/peer.crt', 'etcd/peer.key', 'etcd/server.crt', 'etcd/server.key',
];

function pem(file: string): string {
  if (file === 'ca.crt') return CLUSTER_CA_PEM;
  const kind = file.endsWith('.pub') ? 'PUBLIC KEY' : file.endsWith('.key') ? (file === 'sa.key' ? 'PRIVATE KEY' : 'RSA PRIVATE KEY') : 'CERTIFICATE';
  const body = btoaAscii(`kubelab ${file}`).padEnd(64, 'A');
  return `-----BEGIN ${kind}-----\n${body}\n-----END ${kind}-----\n`;
}

function btoaAscii(s: string): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < s.length; i += 3) {
    const n = (s.charCodeAt(i) << 16) | ((s.charCodeAt(i + 1) || 0) << 8) | (s.charCodeAt(i + 2) || 0);
    out += chars[(n >> 18) & 63] + chars[(n >> 12) & 63] + (i + 1 < s.length ? chars[(n >> 6) & 63] : '=') + (i + 2 < s.length ? chars[n & 63] : '=');
  }
  return out;
}

const b64 = (s: string) => btoaAscii(s);

/** A kubeconfig as kubeadm writes it for `user` (admin.conf, kubelet.conf, scheduler.conf, …). */
export function kubeconfig(server: string, user: string, embedClientCert = true): string {
  const userBlock = embedClientCert
    ? `    client-certificate-data: ${b64(pem(`${user}.crt`))}\n    client-key-data: ${b64(pem(`${user}.key`))}\n`
    : '    client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem\n    client-key: /var/lib/kubelet/pki/kubelet-client-current.pem\n';
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${b64(CLUSTER_CA_PEM)}
    server: ${server}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: ${user}
  name: ${user}@kubernetes
current-context: ${user}@kubernetes
kind: Config
preferences: {}
users:
- name: ${user}
  user:
${userBlock}`;
}

/** /var/lib/kubelet/config.yaml as kubeadm 1.32 writes it (the fields a learner looks for). */
export function kubeletConfig(): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
resolvConf: /run/systemd/resolve/resolv.conf
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;
}

/** The CNI plugin's config file in /etc/cni/net.d (name → content). */
export function cniConfig(cni: Cni): Record<string, string> {
  const conflist = (name: string, plugins: string) => `{\n  "name": "${name}",\n  "cniVersion": "0.3.1",\n  "plugins": [\n${plugins}\n  ]\n}\n`;
  const portmap = '    {\n      "type": "portmap",\n      "capabilities": {\n        "portMappings": true\n      }\n    }';
  switch (cni) {
    case 'calico':
      return { '10-calico.conflist': conflist('k8s-pod-network', `    {\n      "type": "calico",\n      "datastore_type": "kubernetes",\n      "mtu": 0,\n      "nodename_file_optional": false,\n      "log_level": "Info",\n      "ipam": {\n        "type": "calico-ipam",\n        "assign_ipv4": "true",\n        "assign_ipv6": "false"\n      },\n      "policy": {\n        "type": "k8s"\n      },\n      "kubernetes": {\n        "kubeconfig": "/etc/cni/net.d/calico-kubeconfig"\n      }\n    },\n${portmap}`), 'calico-kubeconfig': '# Kubeconfig file for Calico CNI plugin.\napiVersion: v1\nkind: Config\n' };
    case 'flannel':
      return { '10-flannel.conflist': conflist('cbr0', `    {\n      "type": "flannel",\n      "delegate": {\n        "hairpinMode": true,\n        "isDefaultGateway": true\n      }\n    },\n${portmap}`) };
    case 'cilium':
      return { '05-cilium.conflist': `{\n  "cniVersion": "0.3.1",\n  "name": "cilium",\n  "plugins": [\n    {\n       "type": "cilium-cni",\n       "enable-debug": false,\n       "log-file": "/var/run/cilium/cilium-cni.log"\n    }\n  ]\n}\n` };
    case 'weave':
      return { '10-weave.conflist': conflist('weave', `    {\n      "name": "weave",\n      "type": "weave-net",\n      "hairpinMode": true\n    },\n${portmap}`) };
  }
}

export interface NodeDiskParams {
  node: string;
  controlPlane: boolean;
  /** https://<control-plane IP>:6443 */
  server: string;
  cni: Cni;
  /** For the control plane's manifests. */
  manifests?: ControlPlaneParams;
}

/** A node's files right after kubeadm init (control plane) or kubeadm join (worker). */
export function kubeadmNodeFiles(p: NodeDiskParams): NodeFileTable {
  const files: Record<string, string> = {
    '/etc/kubernetes/kubelet.conf': kubeconfig(p.server, `system:node:${p.node}`, false),
    '/etc/kubernetes/pki/ca.crt': CLUSTER_CA_PEM,
    '/var/lib/kubelet/config.yaml': kubeletConfig(),
  };
  for (const [name, content] of Object.entries(cniConfig(p.cni))) files[`/etc/cni/net.d/${name}`] = content;
  if (p.controlPlane) {
    files['/etc/kubernetes/admin.conf'] = kubeconfig(p.server, 'kubernetes-admin');
    files['/etc/kubernetes/super-admin.conf'] = kubeconfig(p.server, 'kubernetes-super-admin');
    files['/etc/kubernetes/controller-manager.conf'] = kubeconfig(p.server, 'system:kube-controller-manager');
    files['/etc/kubernetes/scheduler.conf'] = kubeconfig(p.server, 'system:kube-scheduler');
    for (const f of PKI_FILES) files[`/etc/kubernetes/pki/${f}`] = pem(f);
    if (p.manifests) for (const [name, yaml] of Object.entries(controlPlaneManifestFiles(p.manifests))) files[`${MANIFESTS_DIR}/${name}`] = yaml;
  }
  return fileTable(files, p.controlPlane ? [MANIFESTS_DIR, '/var/lib/etcd'] : [MANIFESTS_DIR]);
}
