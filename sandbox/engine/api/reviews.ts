// The create-only review resources: access reviews answered by the RBAC authorizer (what
// `kubectl auth can-i` asks), SelfSubjectReview (`kubectl auth whoami`), SelfSubjectRulesReview
// (`can-i --list`) and TokenReview; and the `bindings` resource (pods/binding by another door).
import type { KubeObject } from '../objects.js';
import { authorize, CLUSTER_ADMIN_USER, rulesFor, type PolicyRule } from './rbac.js';
import { failure } from './errors-extra.js';
import { isObjectBody } from './request.js';
import { bindPod } from './subresources.js';
import type { Api } from './api.js';
import type { ResourceRef, ResourceType, UserInfo, WriteOptions } from './types.js';

interface ReviewSpec {
  resourceAttributes?: { namespace?: string; verb?: string; group?: string; resource?: string; subresource?: string; name?: string };
  nonResourceAttributes?: { path?: string; verb?: string };
  user?: string;
  groups?: string[];
  uid?: string;
  token?: string;
}

const answer = (rt: ResourceType, body: Record<string, unknown>, status: unknown, namespace?: string): KubeObject => ({
  kind: rt.kind,
  apiVersion: `${rt.group}/${rt.version}`,
  metadata: { creationTimestamp: null as unknown as string, ...(namespace ? { namespace } : {}) },
  ...(body.spec !== undefined ? { spec: body.spec } : {}),
  status,
});

function decide(api: Api, user: UserInfo, spec: ReviewSpec, namespace?: string) {
  const ra = spec.resourceAttributes;
  const decision = ra
    ? authorize(api.core.store, user, { verb: ra.verb ?? '', group: ra.group ?? '', resource: ra.resource ?? '', subresource: ra.subresource || undefined, namespace: namespace ?? ra.namespace ?? undefined, name: ra.name || undefined })
    : authorize(api.core.store, user, { verb: spec.nonResourceAttributes?.verb ?? '', path: spec.nonResourceAttributes?.path ?? '' });
  return decision.allowed ? { allowed: true, ...(decision.reason ? { reason: decision.reason } : {}) } : { allowed: false };
}

function rulesReview(api: Api, user: UserInfo, namespace: string) {
  const rules: PolicyRule[] = user.groups.includes('system:masters')
    ? [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['*'], nonResourceURLs: ['*'] }]
    : rulesFor(api.core.store, user, namespace).flatMap((g) => g.rules);
  const resourceRules = rules.filter((r) => r.resources).map((r) => ({ verbs: r.verbs ?? [], apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}) }));
  const nonResourceRules = rules.filter((r) => r.nonResourceURLs).map((r) => ({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs ?? [] }));
  return { resourceRules, nonResourceRules, incomplete: false };
}

/** Answers a create on a review resource, or undefined when rt is not one. */
export function createReview(api: Api, rt: ResourceType, ref: ResourceRef, body: unknown, opts: WriteOptions): KubeObject | undefined {
  if (rt.group === '' && rt.resource === 'bindings') return bindPod(api, ref, body, opts);
  if (rt.group !== 'authorization.k8s.io' && rt.group !== 'authentication.k8s.io') return undefined;
  if (!isObjectBody(body)) throw failure(400, 'BadRequest', `the object provided is unrecognized (must be of type ${rt.kind})`);
  const spec = (body.spec ?? {}) as ReviewSpec;
  const me = opts.user ?? CLUSTER_ADMIN_USER;
  switch (rt.resource) {
    case 'selfsubjectaccessreviews':
      return answer(rt, body, decide(api, me, spec));
    case 'subjectaccessreviews':
      return answer(rt, body, decide(api, { username: spec.user ?? '', groups: spec.groups ?? [] }, spec));
    case 'localsubjectaccessreviews':
      return answer(rt, body, decide(api, { username: spec.user ?? '', groups: spec.groups ?? [] }, spec, ref.namespace), ref.namespace);
    case 'selfsubjectrulesreviews':
      return answer(rt, body, rulesReview(api, me, (spec as { namespace?: string }).namespace ?? 'default'));
    case 'selfsubjectreviews':
      return answer(rt, body, { userInfo: { username: me.username, groups: me.groups } });
    case 'tokenreviews':
      return answer(rt, body, { user: {}, authenticated: false, error: 'token not recognized' });
  }
  return undefined;
}
