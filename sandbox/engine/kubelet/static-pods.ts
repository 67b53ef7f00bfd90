// The control plane's static pods, as kubeadm writes their manifests into
// /etc/kubernetes/manifests on the control-plane node, and the mirror pods the kubelet posts
// for them (annotations kubernetes.io/config.*, owned by the Node). Commands follow kubeadm 1.32.

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
    command: ['kube-apiserver', `--advertise-address=${p.advertiseAddress}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', '--client-ca-file=/etc/kubernetes/pki/ca.crt', '--enable-admission-plugins=NodeRestriction', '--enable-bootstrap-token-auth=true', '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt', '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt', '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key', '--etcd-servers=https://127.0.0.1:2379', '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt', '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--secure-port=6443', '--service-account-issuer=https://kubernetes.default.svc.cluster.local', '--service-account-key-file=/etc/kubernetes/pki/sa.pub', '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key', '--service-cluster-ip-range=10.96.0.0/12', '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt', '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key'],
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

function mirrorPod(m: Manifest, p: ControlPlaneParams): Record<string, unknown> {
  const hash = hex(p.random, 32);
  const requests: Record<string, string> = { cpu: m.cpu };
  if (m.memory) requests.memory = m.memory;
  const probe = (failureThreshold: number) => ({ failureThreshold, httpGet: { host: m.component === 'kube-apiserver' ? p.advertiseAddress : '127.0.0.1', path: m.livenessPath, port: m.livenessPort, scheme: m.scheme }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 15 });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${m.component}-${p.node}`,
      namespace: 'kube-system',
      labels: { component: m.component, tier: 'control-plane' },
      annotations: {
        ...m.annotations(p),
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': new Date(p.now).toISOString().replace('Z', '000000Z'),
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', controller: true, kind: 'Node', name: p.node, uid: p.nodeUid }],
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
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: m.hostPathVolumes.map(([name, path]) => ({ mountPath: path, name, ...(name.includes('cert') || name === 'kubeconfig' ? { readOnly: true } : {}) })),
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      hostNetwork: true,
      nodeName: p.node,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      terminationGracePeriodSeconds: 30,
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      volumes: m.hostPathVolumes.map(([name, path, type]) => ({ hostPath: { path, type }, name })),
    },
  };
}

/** The mirror pods of kubeadm's control plane on `p.node`: etcd, kube-apiserver, kube-controller-manager, kube-scheduler. */
export function controlPlaneMirrorPods(p: ControlPlaneParams): Array<Record<string, unknown>> {
  return MANIFESTS(p).map((m) => mirrorPod(m, p));
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

