// Review resources are not stored: the real API server answers them from its authenticator and
// authorizer. The sandbox's one user is cluster-admin, so every access review is allowed.
import { badRequest } from '../engine/api/errors.js';
import type { ResourceType, UserInfo } from '../engine/api/types.js';

const REVIEWS = new Set([
  'authorization.k8s.io/selfsubjectaccessreviews',
  'authorization.k8s.io/subjectaccessreviews',
  'authorization.k8s.io/localsubjectaccessreviews',
  'authorization.k8s.io/selfsubjectrulesreviews',
  'authentication.k8s.io/selfsubjectreviews',
]);

// cluster-admin's rules, then those every authenticated user gets from the bootstrap roles
// system:basic-user, system:discovery and system:public-info-viewer.
const ADMIN_RESOURCE_RULES = [
  { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
  { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
];
const ADMIN_NON_RESOURCE_RULES = [
  { verbs: ['*'], nonResourceURLs: ['*'] },
  { verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'] },
  { verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] },
];

export const isReview = (type: ResourceType) => REVIEWS.has(`${type.group}/${type.resource}`);

/** The review with its status filled in, as the server answers a create (201). */
export function answerReview(type: ResourceType, body: Record<string, unknown>, user: UserInfo): Record<string, unknown> {
  const kind = type.kind;
  if (body.kind && body.kind !== kind) throw badRequest(`${String(body.kind)} in version "${type.version}" cannot be handled as a ${kind}`);
  const metadata = { creationTimestamp: null, ...((body.metadata as object) ?? {}) };
  const base = { kind, apiVersion: `${type.group}/${type.version}`, metadata, spec: body.spec ?? {} };
  switch (type.resource) {
    case 'selfsubjectreviews':
      return { kind, apiVersion: base.apiVersion, metadata, status: { userInfo: { username: user.username, groups: user.groups } } };
    case 'selfsubjectrulesreviews':
      return {
        ...base,
        status: { resourceRules: ADMIN_RESOURCE_RULES, nonResourceRules: ADMIN_NON_RESOURCE_RULES, incomplete: false },
      };
    default:
      return { ...base, status: { allowed: true } };
  }
}
