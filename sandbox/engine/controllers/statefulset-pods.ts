// StatefulSet pod identity (pkg/controller/statefulset/stateful_set_utils.go): pod `<set>-<n>`
// with hostname and subdomain, the identity labels, a claim `<template>-<set>-<n>` per
// volumeClaimTemplate, and ControllerRevisions named `<set>-<hash>` for the pod template.
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod, Volume } from 'kubernetes-types/core/v1';
import type { ControllerContext } from './runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { ownerRefTo } from './selectors.js';
import { podFromTemplate } from './pod-helpers.js';
import { podTemplateHash } from './pod-template-hash.js';
import { controllerRevisionsRef, getOrUndefined } from './refs-extra.js';

export const REVISION_LABEL = 'controller-revision-hash';
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

export const podName = (set: StatefulSet, ordinal: number) => `${set.metadata!.name}-${ordinal}`;
export const claimName = (template: string, set: StatefulSet, ordinal: number) => `${template}-${set.metadata!.name}-${ordinal}`;

/** The ordinal of a pod of this set, or -1 for a name that is not `<set>-<n>`. */
export function ordinalOf(set: StatefulSet, pod: Pod): number {
  const prefix = `${set.metadata!.name}-`;
  const name = pod.metadata?.name ?? '';
  if (!name.startsWith(prefix) || !/^\d+$/.test(name.slice(prefix.length))) return -1;
  return Number(name.slice(prefix.length));
}

export function newStatefulPod(set: StatefulSet, ordinal: number, revision: string): Record<string, unknown> {
  const body = podFromTemplate(set.spec!.template, set.metadata!.namespace!, '', ownerRefTo(set as unknown as KubeObject)) as { metadata: Record<string, unknown>; spec: Pod['spec'] };
  const name = podName(set, ordinal);
  delete body.metadata.generateName;
  body.metadata.name = name;
  body.metadata.labels = { ...((body.metadata.labels as Record<string, string>) ?? {}), [REVISION_LABEL]: revision, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) };
  const spec = { ...body.spec!, hostname: name, subdomain: set.spec!.serviceName };
  const claims: Volume[] = (set.spec!.volumeClaimTemplates ?? []).map((t) => ({ name: t.metadata!.name!, persistentVolumeClaim: { claimName: claimName(t.metadata!.name!, set, ordinal) } }));
  const names = new Set(claims.map((c) => c.name));
  spec.volumes = [...claims, ...(spec.volumes ?? []).filter((v) => !names.has(v.name))];
  if (spec.volumes.length === 0) delete spec.volumes;
  body.spec = spec;
  return body;
}

/** The claims a pod needs, with the set's selector labels, owned by the set only when the retention policy deletes them. */
export function claimsFor(set: StatefulSet, ordinal: number): Array<Record<string, unknown>> {
  const retention = set.spec?.persistentVolumeClaimRetentionPolicy;
  const owned = retention?.whenDeleted === 'Delete';
  return (set.spec!.volumeClaimTemplates ?? []).map((t) => {
    const claim = JSON.parse(JSON.stringify(t)) as PersistentVolumeClaim;
    const metadata: Record<string, unknown> = { name: claimName(t.metadata!.name!, set, ordinal), namespace: set.metadata!.namespace, labels: { ...(t.metadata?.labels ?? {}), ...(set.spec!.selector?.matchLabels ?? {}) } };
    if (owned) metadata.ownerReferences = [ownerRefTo(set as unknown as KubeObject)];
    return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata, spec: claim.spec };
  });
}

/** The set's ControllerRevision for its current template: found, or created with the next revision number. */
export function ensureRevision(set: StatefulSet, revisions: ControllerRevision[], ctx: ControllerContext): ControllerRevision {
  const hash = podTemplateHash(set.spec!.template, set.status?.collisionCount ?? 0); // the real controller always hashes a count (0 before any collision)
  const name = `${set.metadata!.name}-${hash}`;
  const found = revisions.find((r) => r.metadata!.name === name);
  if (found) return found;
  const next = Math.max(0, ...revisions.map((r) => r.revision)) + 1;
  const created = getOrUndefined<ControllerRevision>(() =>
    ctx.api.create(controllerRevisionsRef(set.metadata!.namespace), {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name, namespace: set.metadata!.namespace, labels: { ...(set.spec!.template.metadata?.labels ?? {}), 'controller.kubernetes.io/hash': hash }, ownerReferences: [ownerRefTo(set as unknown as KubeObject)] },
      data: { spec: { template: { ...set.spec!.template, $patch: 'replace' } } },
      revision: next,
    }),
  );
  return created ?? (ctx.api.get(controllerRevisionsRef(set.metadata!.namespace, name)) as unknown as ControllerRevision);
}
