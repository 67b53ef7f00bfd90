// One request's context: the parsed URL, the authenticated user and the engine it talks to.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiClient, UserInfo } from '../engine/api/types.js';
import type { ServedEngine } from './engine-contract.js';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  engine: ServedEngine;
  /** The engine's API, attributing writes to this request's actor. */
  api: ApiClient;
  user: UserInfo;
  /** Which component the writes come from, for the engine's trace. */
  actor: string;
  /** Simulated now (ms), for ages in Tables. */
  now(): number;
  /** Called after a write so controllers react before the next request. */
  settle(): void;
}

/** The sandbox's one user: cluster-admin, like kubeadm's kubernetes-admin. */
export const ADMIN: UserInfo = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

/** `kubectl.1.32/v1.32.5 (linux/amd64) kubernetes/9894294` → 'kubectl'. */
export function actorOf(userAgent: string | undefined): string {
  const product = (userAgent ?? '').split('/')[0];
  if (!product) return 'api-client';
  return product.startsWith('kubectl') ? 'kubectl' : product;
}
