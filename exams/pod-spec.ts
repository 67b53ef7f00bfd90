// Readers of a Pod's spec that exam checks share: does it mount a claim at a path, must it run on
// nodes with a label (nodeSelector or a required node affinity: either way is right).
import type { KubeObject } from '../sandbox/engine/objects';

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

interface PodSpecLike {
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchExpressions?: { key: string; operator: string; values?: string[] }[] }[] } } };
  volumes?: { name: string; persistentVolumeClaim?: { claimName?: string }; configMap?: { name?: string }; secret?: { secretName?: string }; emptyDir?: object }[];
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
}

interface ContainerLike {
  name: string;
  image?: string;
  /** `Always` on an init container makes it a native sidecar. */
  restartPolicy?: string;
  volumeMounts?: { name: string; mountPath: string }[];
  env?: { name: string; valueFrom?: { configMapKeyRef?: { name?: string; key?: string } } }[];
  envFrom?: { prefix?: string; configMapRef?: { name?: string } }[];
}

export function podSpec(pod: KubeObject): PodSpecLike {
  return ((pod as unknown as { spec?: PodSpecLike }).spec ?? {}) as PodSpecLike;
}

/** Some container mounts the volume `volumeName` at `mountPath`. */
export function mountsVolumeAt(pod: KubeObject, volumeName: string, mountPath: string): boolean {
  const spec = podSpec(pod);
  return [...(spec.containers ?? []), ...(spec.initContainers ?? [])].some((c) => (c.volumeMounts ?? []).some((m) => m.name === volumeName && m.mountPath.replace(/\/$/, '') === mountPath));
}

export function mountsClaim(pod: KubeObject, claim: string, mountPath: string): boolean {
  return (podSpec(pod).volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim && mountsVolumeAt(pod, v.name, mountPath));
}

/** Every node the Pod may run on has label key=value (nodeSelector, or every required affinity term demands it). */
export function requiresNodeLabel(pod: KubeObject, key: string, value: string): boolean {
  const spec = podSpec(pod);
  if (spec.nodeSelector?.[key] === value) return true;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return terms.length > 0 && terms.every((t) => (t.matchExpressions ?? []).some((e) => e.key === key && e.operator === 'In' && (e.values ?? []).length > 0 && (e.values ?? []).every((v) => v === value)));
}

export function volumeNamed(pod: KubeObject, name: string) {
  return (podSpec(pod).volumes ?? []).find((v) => v.name === name);
}

/** Some container gets the environment variable `key` from the ConfigMap's key of the same name (envFrom or env). */
export function envFromConfigMap(pod: KubeObject, configMap: string, key: string): boolean {
  return (podSpec(pod).containers ?? []).some(
    (c) =>
      (c.envFrom ?? []).some((e) => e.configMapRef?.name === configMap && !e.prefix) ||
      (c.env ?? []).some((e) => e.name === key && e.valueFrom?.configMapKeyRef?.name === configMap && e.valueFrom.configMapKeyRef.key === key),
  );
}

/** Does one of the Pod's tolerations tolerate the taint (the scheduler's matching rules)? */
export function toleratesTaint(pod: KubeObject, taint: { key: string; value?: string; effect: string }): boolean {
  return (podSpec(pod).tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}
