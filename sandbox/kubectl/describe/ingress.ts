// Ingresses (networking.k8s.io/v1) and NetworkPolicies.
import { formatLabelSelector } from '../../engine/api/table/format.js';
import type { KubeObject } from '../../engine/objects.js';
import { formatError } from '../errors.js';
import { describeEvents } from './events.js';
import { printAnnotations, printLabels, type Json } from './format.js';
import { formatEndpointSlices } from './network.js';
import type { DescribeSettings } from './registry.js';
import { eventsFor } from './workloads.js';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2 } from './writer.js';

const SLICES = { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' };
const SERVICES = { group: '', version: 'v1', resource: 'services' };

export async function describeIngress(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const ing = obj as Json;
  const events = await eventsFor(s, obj);
  const ns = ing.metadata.namespace;
  const spec = ing.spec ?? {};
  const defaultBackend = spec.defaultBackend ? await backendText(s, ns, spec.defaultBackend) : '<default>';
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ing.metadata.name}\n`);
  printLabels(w, 'Labels', ing.metadata.labels);
  w.write(LEVEL_0, `Namespace:\t${ns}\n`);
  const addresses = [...new Set((ing.status?.loadBalancer?.ingress ?? []).map((i: Json) => i.ip || i.hostname).filter(Boolean) as string[])].sort();
  w.write(LEVEL_0, `Address:\t${addresses.join(',')}\n`);
  w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`);
  if (spec.tls?.length) {
    w.write(LEVEL_0, 'TLS:\n');
    for (const t of spec.tls) w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n` : `SNI routes ${(t.hosts ?? []).join(',')}\n`);
  }
  w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(LEVEL_1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue;
    count++;
    w.write(LEVEL_1, `${rule.host || '*'}\t\n`);
    for (const p of rule.http.paths ?? []) w.write(LEVEL_2, `\t${p.path ?? ''} \t${await backendText(s, ns, p.backend ?? {})}\n`);
  }
  if (count === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`);
  printAnnotations(w, 'Annotations', ing.metadata.annotations);
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}

/** `svc:80 (10.244.1.5:80,10.244.2.3:80)`, or the error fetching the service. */
async function backendText(s: DescribeSettings, ns: string, backend: Json): Promise<string> {
  if (backend.service) {
    const svc = backend.service;
    const sb = `${svc.name}:${svc.port?.number ? svc.port.number : (svc.port?.name ?? '')}`;
    try {
      const slices = (await s.api.list({ ...SLICES, namespace: ns }, { labelSelector: `kubernetes.io/service-name=${svc.name}` })).items as Json[];
      const service = (await s.api.get({ ...SERVICES, namespace: ns, name: svc.name })) as Json;
      let portName = '';
      for (const sp of service.spec?.ports ?? []) {
        if ((svc.port?.number && svc.port.number === sp.port) || (svc.port?.name && svc.port.name === sp.name)) portName = sp.name ?? '';
      }
      return `${sb} (${formatEndpointSlices(slices, portName)})`;
    } catch (e) {
      return `${sb} (<error: ${formatError(e).replace(/^Error from server \(\w+\): |\n$/g, '')}>)`;
    }
  }
  if (backend.resource) return `APIGroup: ${backend.resource.apiGroup ?? '<none>'}, Kind: ${backend.resource.kind}, Name: ${backend.resource.name}`;
  return '';
}

/** metav1.Time's String(): `2026-11-01 09:00:00 +0000 UTC`. */
const goTimeString = (t: string) => new Date(Date.parse(t)).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC');

export async function describeNetworkPolicy(_s: DescribeSettings, obj: KubeObject): Promise<string> {
  const np = obj as Json;
  const spec = np.spec ?? {};
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${np.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${np.metadata.namespace}\n`);
  w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`);
  printLabels(w, 'Labels', np.metadata.labels);
  printAnnotations(w, 'Annotations', np.metadata.annotations);
  w.write(LEVEL_0, 'Spec:\n');
  w.write(LEVEL_1, 'PodSelector: ');
  const ps = spec.podSelector ?? {};
  if (!Object.keys(ps.matchLabels ?? {}).length && !(ps.matchExpressions ?? []).length) w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
  else w.write(LEVEL_2, `${formatLabelSelector(ps)}\n`);
  const types: string[] = spec.policyTypes ?? [];
  if (types.includes('Ingress')) {
    w.write(LEVEL_1, 'Allowing ingress traffic:\n');
    printRules(w, spec.ingress, 'From', 'ingress', 'source');
  } else w.write(LEVEL_1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(LEVEL_1, 'Allowing egress traffic:\n');
    printRules(w, spec.egress, 'To', 'egress', 'destination');
  } else w.write(LEVEL_1, 'Not affecting egress traffic\n');
  w.write(LEVEL_1, `Policy Types: ${types.length ? types.join(', ') : '<none>'}\n`);
  return w.toString();
}

function printRules(w: DescribeWriter, rules: Json[] | undefined, peerTitle: 'From' | 'To', direction: string, what: string): void {
  const indent = '    ';
  if (!rules?.length) {
    w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
    return;
  }
  rules.forEach((rule, i) => {
    if (!rule.ports?.length) w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of rule.ports ?? []) {
      const port = p.port === undefined ? '<nil>' : String(p.port);
      const proto = p.protocol ?? 'TCP';
      w.write(LEVEL_0, p.endPort === undefined ? `${indent}To Port: ${port}/${proto}\n` : `${indent}To Port Range: ${port}-${p.endPort}/${proto}\n`);
    }
    const peers: Json[] = rule[peerTitle === 'From' ? 'from' : 'to'] ?? [];
    if (!peers.length) w.write(LEVEL_0, `${indent}${peerTitle}: <any> (traffic not restricted by ${what})\n`);
    for (const peer of peers) {
      w.write(LEVEL_0, `${indent}${peerTitle}:\n`);
      if (peer.podSelector && peer.namespaceSelector) {
        w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
        w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      } else if (peer.podSelector) w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      else if (peer.namespaceSelector) w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      else if (peer.ipBlock) {
        w.write(LEVEL_1, `${indent}IPBlock:\n`);
        w.write(LEVEL_2, `${indent}CIDR: ${peer.ipBlock.cidr ?? ''}\n`);
        w.write(LEVEL_2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
  });
}

export async function describeIngressClass(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const ic = obj as Json;
  const events = await eventsFor(s, obj);
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ic.metadata.name}\n`);
  printLabels(w, 'Labels', ic.metadata.labels);
  printAnnotations(w, 'Annotations', ic.metadata.annotations);
  w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`);
  const params = ic.spec?.parameters;
  if (params) {
    w.write(LEVEL_0, 'Parameters:\n');
    if (params.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${params.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${params.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${params.name ?? ''}\n`);
  }
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}
