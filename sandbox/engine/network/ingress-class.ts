// Which Ingresses the ingress-nginx controller serves: those of its IngressClass `nginx` (by
// spec.ingressClassName or the old kubernetes.io/ingress.class annotation), and those without a
// class when `nginx` is the cluster's default class. Without a default class it ignores
// class-less Ingresses (its --watch-ingress-without-class is false in the real manifests).
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';

export const INGRESS_CLASS = 'nginx';
export const CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

function nginxClassIsDefault(classes: IngressClass[]): boolean {
  return classes.some((c) => c.spec?.controller === CONTROLLER_CLASS && c.metadata?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
}

export function servedByNginx(ingress: Ingress, classes: IngressClass[]): boolean {
  const named = ingress.spec?.ingressClassName ?? ingress.metadata?.annotations?.['kubernetes.io/ingress.class'];
  if (named) return named === INGRESS_CLASS && classes.some((c) => c.metadata?.name === named && c.spec?.controller === CONTROLLER_CLASS);
  return nginxClassIsDefault(classes);
}

export function ingressesServedBy(ingresses: Ingress[], classes: IngressClass[]): Ingress[] {
  return ingresses.filter((i) => !i.metadata?.deletionTimestamp && servedByNginx(i, classes));
}

export const CONTROLLER_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.12.0';

/** The controller's container: its port 80 is nginx, configured from the Ingresses. */
export function isIngressNginxImage(image: string | undefined): boolean {
  return (image ?? '').startsWith('registry.k8s.io/ingress-nginx/controller:');
}
