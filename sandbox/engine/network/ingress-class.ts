// Which Ingresses the ingress-nginx controller serves (its store's GetIngressClass): one whose
// spec.ingressClassName names an IngressClass of its controller (k8s.io/ingress-nginx), or whose
// old kubernetes.io/ingress.class annotation says `nginx`. An Ingress without a class is ignored
// (--watch-ingress-without-class is false in the real manifests); the DefaultIngressClass
// admission plugin (ingress-admission.ts) gives new Ingresses the default class, if one is marked.
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';

export const INGRESS_CLASS = 'nginx';
export const CONTROLLER_CLASS = 'k8s.io/ingress-nginx';

export function servedByNginx(ingress: Ingress, classes: IngressClass[]): boolean {
  const className = ingress.spec?.ingressClassName;
  if (className) return classes.some((c) => c.metadata?.name === className && c.spec?.controller === CONTROLLER_CLASS);
  const annotation = ingress.metadata?.annotations?.['kubernetes.io/ingress.class'];
  return annotation === INGRESS_CLASS;
}

export function ingressesServedBy(ingresses: Ingress[], classes: IngressClass[]): Ingress[] {
  return ingresses.filter((i) => !i.metadata?.deletionTimestamp && servedByNginx(i, classes));
}

export const CONTROLLER_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.12.0';

/** The controller's container: its port 80 is nginx, configured from the Ingresses. */
export function isIngressNginxImage(image: string | undefined): boolean {
  return (image ?? '').startsWith('registry.k8s.io/ingress-nginx/controller:');
}
