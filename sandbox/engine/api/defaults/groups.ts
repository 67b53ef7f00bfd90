// Defaults of the smaller groups (1.32): autoscaling/v2, networking.k8s.io/v1, discovery.k8s.io/v1,
// rbac.authorization.k8s.io/v1, storage.k8s.io/v1.
import { child, list, setDefault, type Obj } from './util.js';

const scaleUpRules = () => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
});
/** The scale-down window is left unset: the controller's --horizontal-pod-autoscaler-downscale-stabilization applies. */
const scaleDownRules = () => ({ selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] });

function fillRules(rules: Obj | undefined, defaults: Obj): Obj {
  if (!rules) return defaults;
  for (const key of ['stabilizationWindowSeconds', 'selectPolicy', 'policies']) {
    if (rules[key] === undefined && defaults[key] !== undefined) rules[key] = defaults[key];
  }
  return rules;
}

export function defaultHPA(hpa: Obj): void {
  const spec = child(hpa, 'spec');
  if (spec.minReplicas == null) spec.minReplicas = 1;
  if (list(spec.metrics).length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
  if (spec.behavior) {
    spec.behavior.scaleUp = fillRules(spec.behavior.scaleUp, scaleUpRules());
    spec.behavior.scaleDown = fillRules(spec.behavior.scaleDown, scaleDownRules());
  }
}

export function defaultNetworkPolicy(np: Obj): void {
  const spec = child(np, 'spec');
  for (const dir of ['ingress', 'egress']) for (const rule of list(spec[dir])) for (const port of list(rule.ports)) setDefault(port, 'protocol', 'TCP');
  if (list(spec.policyTypes).length === 0 && !(spec.policyTypes ?? []).length) {
    spec.policyTypes = ['Ingress'];
    if ((spec.egress ?? []).length > 0) spec.policyTypes.push('Egress');
  }
}

export function defaultIngressClass(ic: Obj): void {
  const params = ic.spec?.parameters;
  if (params && typeof params === 'object') setDefault(params, 'scope', 'Cluster');
}

export function defaultEndpointSlice(es: Obj): void {
  for (const port of list(es.ports)) {
    if (port.name === undefined || port.name === null) port.name = '';
    setDefault(port, 'protocol', 'TCP');
  }
}

/** roleRef.apiGroup and subjects' apiGroup (User and Group live in rbac.authorization.k8s.io). */
export function defaultBinding(binding: Obj): void {
  setDefault(child(binding, 'roleRef'), 'apiGroup', 'rbac.authorization.k8s.io');
  for (const subject of list(binding.subjects)) {
    if (subject.apiGroup) continue;
    if (subject.kind === 'User' || subject.kind === 'Group') subject.apiGroup = 'rbac.authorization.k8s.io';
  }
}

export function defaultStorageClass(sc: Obj): void {
  setDefault(sc, 'reclaimPolicy', 'Delete');
  setDefault(sc, 'volumeBindingMode', 'Immediate');
}
