// serviceaccounts/token: a TokenRequest answered with a deterministic, JWT-shaped bound token
// (header.claims.signature), as `kubectl create token` prints it.
import { rfc3339 } from '../clock.js';
import type { KubeObject } from '../objects.js';
import { base64Encode } from './continue-token.js';
import { isObjectBody, newUid } from './request.js';
import type { Api } from './api.js';
import type { ResourceRef, ResourceType } from './types.js';

const DEFAULT_AUDIENCE = 'https://kubernetes.default.svc.cluster.local';
const base64url = (s: string) => base64Encode(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function requestToken(api: Api, rt: ResourceType, ref: ResourceRef, body: unknown): KubeObject {
  const sa = api.getObject(rt, ref.namespace, ref.name ?? '');
  const req = (isObjectBody(body) ? body : {}) as { spec?: { audiences?: string[]; expirationSeconds?: number; boundObjectRef?: unknown } };
  const audiences = req.spec?.audiences?.length ? req.spec.audiences : [DEFAULT_AUDIENCE];
  const expirationSeconds = req.spec?.expirationSeconds ?? 3600;
  const now = api.core.clock.now();
  const iat = Math.floor(now / 1000);
  const exp = iat + expirationSeconds;
  const claims = {
    aud: audiences,
    exp,
    iat,
    iss: DEFAULT_AUDIENCE,
    jti: newUid(api.core.random),
    'kubernetes.io': { namespace: sa.metadata.namespace, serviceaccount: { name: sa.metadata.name, uid: sa.metadata.uid } },
    nbf: iat,
    sub: `system:serviceaccount:${sa.metadata.namespace}:${sa.metadata.name}`,
  };
  let signature = '';
  for (let i = 0; i < 64; i++) signature += String.fromCharCode(Math.floor(api.core.random.next() * 256) & 0x7f);
  const token = [base64url(JSON.stringify({ alg: 'RS256', kid: 'kubelab' })), base64url(JSON.stringify(claims)), base64url(signature)].join('.');
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: sa.metadata.name, namespace: sa.metadata.namespace, creationTimestamp: null as unknown as string },
    spec: { audiences, expirationSeconds, boundObjectRef: req.spec?.boundObjectRef ?? null },
    status: { token, expirationTimestamp: rfc3339(exp * 1000) },
  };
}
