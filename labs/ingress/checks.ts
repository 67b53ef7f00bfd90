// The ingress lab's TypeScript checks. "Routes" is decided the way ingress-nginx decides it: the
// same host and path matching the engine's nginx uses (bestPath), then the backend Service must
// select the right Pods and have ready endpoints, and the controller must have taken the
// Ingress (its address in status.loadBalancer.ingress).
import type { Ingress } from 'kubernetes-types/networking/v1';
import { fail, pass, type CheckOutcome, type GradingState } from '../../sandbox/grading/check';
import type { FunctionCheck } from '../../sandbox/grading/declarative';
import { findObject, objectsOfKind } from '../../sandbox/grading/queries';
import { bestPath } from '../../sandbox/engine/network/ingress-route';
import { serviceReaches } from '../services/checks';

const ingressesOfNginx = (state: GradingState): Ingress[] =>
  (objectsOfKind(state, 'Ingress', 'default') as unknown as Ingress[]).filter((i) => (i.spec?.ingressClassName ?? i.metadata?.annotations?.['kubernetes.io/ingress.class']) === 'nginx');

/** The path `path` (any host) reaches the Service `app` through an Ingress of class nginx. */
export function routesTo(state: GradingState, path: string, app: string): CheckOutcome {
  const ingresses = ingressesOfNginx(state);
  if (!ingresses.length) return fail('There is no Ingress of class `nginx` in `default` yet: apply `echo-ingress.yaml` (it sets `ingressClassName: nginx`).');
  const best = bestPath(ingresses, 'node01', path);
  if (!best) return fail(`No rule of your Ingress matches the path \`${path}\`: add a path \`${path}\` (pathType \`Prefix\`) whose backend is the Service \`${app}\`.`);
  const svcName = best.path.backend.service?.name;
  if (svcName !== app) return fail(`\`${path}\` goes to ${svcName ? `the Service \`${svcName}\`` : 'no Service'} (rule \`${best.path.path}\` of Ingress \`${best.ingress.metadata?.name}\`); it should go to \`${app}\`.`);
  const port = best.path.backend.service?.port;
  const svc = findObject(state, 'Service', 'default', app) as { spec?: { ports?: Array<{ port?: number; name?: string }> } } | undefined;
  if (svc && !(svc.spec?.ports ?? []).some((p) => (port?.name ? p.name === port.name : p.port === port?.number))) return fail(`The rule for \`${path}\` names port ${port?.name ?? port?.number} of Service \`${app}\`, which has no such port (it has ${(svc.spec?.ports ?? []).map((p) => p.port).join(', ')}).`);
  const reach = serviceReaches(state, app, `run \`kubectl expose deployment ${app} --port=80 --target-port=5678\``);
  if (!reach.passed) return reach;
  const address = best.ingress.status?.loadBalancer?.ingress?.[0]?.ip;
  if (!address) return fail(`The rule is right, but the controller has not published an address for Ingress \`${best.ingress.metadata?.name}\` yet: wait a few seconds and run \`kubectl get ingress\`.`);
  return pass(`\`${path}\` reaches the Service \`${app}\` through ingress-nginx at ${address}.`);
}

export const functions: Record<string, FunctionCheck> = {
  'ingress/foo-service': { kinds: ['Service', 'Endpoints', 'Pod'], evaluate: (s) => serviceReaches(s, 'foo', 'run `kubectl expose deployment foo --port=80 --target-port=5678`') },
  'ingress/bar-service': { kinds: ['Service', 'Endpoints', 'Pod'], evaluate: (s) => serviceReaches(s, 'bar', 'run `kubectl expose deployment bar --port=80 --target-port=5678`') },
  'ingress/routes-foo': { kinds: ['Ingress', 'Service', 'Endpoints', 'Pod'], evaluate: (s) => routesTo(s, '/foo', 'foo') },
  'ingress/routes-bar': { kinds: ['Ingress', 'Service', 'Endpoints', 'Pod'], evaluate: (s) => routesTo(s, '/bar', 'bar') },
};
