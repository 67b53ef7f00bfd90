// Small readers over GradingState used by many labs' checks.
import type { KubeObject } from '../engine/objects';
import type { GradingState } from './check';

export function objectsOfKind(state: GradingState, kind: string, namespace?: string): KubeObject[] {
  return state.objects.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace));
}

export function findObject(state: GradingState, kind: string, namespace: string, name: string): KubeObject | undefined {
  return objectsOfKind(state, kind, namespace).find((o) => o.metadata.name === name);
}

interface PodTemplateLike {
  spec?: { replicas?: number; template?: { spec?: { containers?: { name?: string; image?: string }[] } } };
  status?: { readyReplicas?: number; availableReplicas?: number; replicas?: number };
}

export function containerImages(workload: KubeObject): string[] {
  const spec = (workload as unknown as PodTemplateLike).spec;
  return (spec?.template?.spec?.containers ?? []).map((c) => c.image ?? '');
}

export function desiredReplicas(workload: KubeObject): number {
  return (workload as unknown as PodTemplateLike).spec?.replicas ?? 1;
}

export function readyReplicas(workload: KubeObject): number {
  return (workload as unknown as PodTemplateLike).status?.readyReplicas ?? 0;
}

/** nginx, nginx:1.27, docker.io/library/nginx:latest… all run nginx. */
export function isImage(image: string, repository: string): boolean {
  const withoutDigest = image.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  const name = colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
  return name === repository || name === `library/${repository}` || name === `docker.io/library/${repository}`;
}

/** Was this object last written by `kubectl apply` (client-side annotation or server-side apply)? */
export function wasApplied(obj: KubeObject): boolean {
  const annotations = obj.metadata.annotations ?? {};
  if ('kubectl.kubernetes.io/last-applied-configuration' in annotations) return true;
  return (obj.metadata.managedFields ?? []).some((f) => f.operation === 'Apply' || f.manager === 'kubectl-client-side-apply');
}

/** Does a label selector in kubectl's `-l` form (`app=web,tier!=db,env`, `!canary`) match? */
export function matchesSelector(labels: Readonly<Record<string, string>> | undefined, selector: string): boolean {
  const l = labels ?? {};
  return selector
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .every((term) => {
      const ne = /^([^!=]+)!=(.*)$/.exec(term);
      if (ne) return l[ne[1].trim()] !== ne[2].trim();
      const eq = /^([^!=]+)==?(.*)$/.exec(term);
      if (eq) return l[eq[1].trim()] === eq[2].trim();
      if (term.startsWith('!')) return !(term.slice(1) in l);
      return term in l;
    });
}

/** A status condition's status ("True", "False", "Unknown"), or undefined when it is not there. */
export function conditionOf(obj: KubeObject, type: string): { status: string; reason?: string; message?: string } | undefined {
  const conditions = ((obj as unknown as { status?: { conditions?: { type: string; status: string; reason?: string; message?: string }[] } }).status?.conditions) ?? [];
  return conditions.find((c) => c.type === type);
}
