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
        status: {
          resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
          nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
          incomplete: false,
        },
      };
    default:
      return { ...base, status: { allowed: true } };
  }
}
