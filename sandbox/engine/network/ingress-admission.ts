// The DefaultIngressClass admission plugin (plugin/pkg/admission/network/defaultingressclass): an
// Ingress created with neither spec.ingressClassName nor the kubernetes.io/ingress.class
// annotation gets the IngressClass annotated ingressclass.kubernetes.io/is-default-class: "true".
// More than one default is refused, as the plugin does.
import type { AdmissionPlugin } from '../admission/types.js';
import { isResource } from '../admission/types.js';
import { forbidden } from '../api/errors.js';

const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export const defaultIngressClass: AdmissionPlugin = {
  name: 'DefaultIngressClass',
  admit(a, ctx) {
    if (a.operation !== 'CREATE' || a.subresource || !isResource(a, 'networking.k8s.io', 'ingresses') || !a.object) return;
    const ingress = a.object as { metadata: { annotations?: Record<string, string> }; spec?: { ingressClassName?: string | null } };
    if (ingress.spec?.ingressClassName != null) return;
    if (ingress.metadata.annotations && LEGACY_CLASS_ANNOTATION in ingress.metadata.annotations) return;
    const defaults = ctx.api.list({ group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses' }).items.filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
    if (defaults.length === 0) return;
    if (defaults.length > 1) throw forbidden({ group: 'networking.k8s.io', resource: 'ingresses' }, a.name, `Internal error occurred: ${defaults.length} default IngressClasses were found, only 1 allowed`);
    ingress.spec = { ...(ingress.spec ?? {}), ingressClassName: defaults[0].metadata.name };
  },
};
