// The Node objects of a kubeadm-like cluster, as kubeadm and the kubelet register them. Names
// follow the Killercoda/KodeKloud kubeadm labs: `controlplane`, then `node01`, `node02`, …
// InternalIPs 172.30.1.2, .3, …; pod CIDRs 10.244.<i>.0/24 (flannel's default 10.244.0.0/16).
import { rfc3339 } from './clock.js';

export interface ClusterShape {
  version: string; // 'v1.32.1'
  workers: number;
  containerRuntimeVersion: string;
  osImage: string;
  kernelVersion: string;
}

export const DEFAULT_SHAPE: ClusterShape = {
  version: 'v1.32.1',
  workers: 2,
  containerRuntimeVersion: 'containerd://1.7.24',
  osImage: 'Ubuntu 22.04.5 LTS',
  kernelVersion: '5.15.0-131-generic',
};

export const CONTROL_PLANE = 'controlplane';
export const workerName = (i: number) => `node${String(i).padStart(2, '0')}`;
export const nodeIP = (index: number) => `172.30.1.${index + 2}`;
export const podCIDR = (index: number) => `10.244.${index}.0/24`;

function hexId(random: { next(): number }, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(random.next() * 16)];
  return s;
}

const CONDITIONS: Array<[type: string, status: string, reason: string, message: string]> = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

/** A Node as registered by its kubelet: labels, taints, capacity, conditions, nodeInfo. */
export function nodeObject(name: string, index: number, shape: ClusterShape, now: number, random: { next(): number }): Record<string, unknown> {
  const controlPlane = name === CONTROL_PLANE;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  if (controlPlane) Object.assign(labels, { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' });
  const stamp = rfc3339(now);
  const spec: Record<string, unknown> = { podCIDR: podCIDR(index), podCIDRs: [podCIDR(index)] };
  if (controlPlane) spec.taints = [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }];
  const capacity = { cpu: '2', 'ephemeral-storage': '20134592Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '4005036Ki', pods: '110' };
  const allocatable = { ...capacity, 'ephemeral-storage': '19586931083', memory: '3902636Ki' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
    status: {
      addresses: [
        { address: nodeIP(index), type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      allocatable,
      capacity,
      conditions: CONDITIONS.map(([type, status, reason, message]) => ({ lastHeartbeatTime: stamp, lastTransitionTime: stamp, message, reason, status, type })),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: `${hexId(random, 8)}-${hexId(random, 4)}-${hexId(random, 4)}-${hexId(random, 4)}-${hexId(random, 12)}`,
        containerRuntimeVersion: shape.containerRuntimeVersion,
        kernelVersion: shape.kernelVersion,
        kubeletVersion: shape.version,
        machineID: hexId(random, 32),
        operatingSystem: 'linux',
        osImage: shape.osImage,
        systemUUID: `${hexId(random, 8)}-${hexId(random, 4)}-${hexId(random, 4)}-${hexId(random, 4)}-${hexId(random, 12)}`,
      },
      runtimeHandlers: [
        { features: { recursiveReadOnlyMounts: true, userNamespaces: true }, name: 'runc' },
        { features: { recursiveReadOnlyMounts: true, userNamespaces: true }, name: '' },
      ],
    },
  };
}
