// A Deployment's history is its ReplicaSets: each carries `deployment.kubernetes.io/revision`
// and maybe `kubernetes.io/change-cause`. `rollout undo` copies a revision's pod template back
// into the Deployment (kubectl's DeploymentRollbacker: a JSON patch guarded by nothing else).
import type { KubeObject } from '../../engine/objects.js';
import { tabwrite } from '../printers/tabwriter.js';
import { UsageError, type KubectlContext } from '../host.js';
import type { RolloutTarget } from './rollout.js';

const REPLICASETS = { group: 'apps', version: 'v1', resource: 'replicasets' };
const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
/** Annotations the rollbacker never copies between Deployment and ReplicaSet. */
const SKIPPED = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, 'deployment.kubernetes.io/revision-history', 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to']);

interface Template {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

async function revisions(ctx: KubectlContext, t: RolloutTarget, deployment: KubeObject): Promise<Map<number, KubeObject>> {
  if (t.type.kind !== 'Deployment') throw new UsageError(`no history viewer has been implemented for ${t.type.kind}`);
  const list = await ctx.host.api.list({ ...REPLICASETS, namespace: t.namespace });
  const owned = list.items.filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === deployment.metadata.uid));
  const out = new Map<number, KubeObject>();
  for (const rs of owned) out.set(Number(rs.metadata.annotations?.[REVISION] ?? 0), rs);
  return new Map([...out.entries()].sort((a, b) => a[0] - b[0]));
}

export async function rolloutHistory(ctx: KubectlContext, t: RolloutTarget, deployment: KubeObject, revision: number): Promise<string> {
  const history = await revisions(ctx, t, deployment);
  if (history.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const rs = history.get(revision);
    if (!rs) throw new UsageError(`unable to find the specified revision`);
    return `with revision #${revision}\n${describeTemplate((rs.spec as { template?: Template }).template ?? {})}`;
  }
  const rows = [...history.entries()].map(([rev, rs]) => `${rev}\t${rs.metadata.annotations?.[CHANGE_CAUSE] ?? '<none>'}\n`);
  return '\n' + tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, { minWidth: 0, tabWidth: 0, padding: 2 });
}

export async function rolloutUndo(ctx: KubectlContext, t: RolloutTarget, deployment: KubeObject, toRevision: number): Promise<string> {
  if (t.type.kind !== 'Deployment') throw new UsageError(`no rollbacker has been implemented for ${t.type.kind}`);
  if ((deployment.spec as { paused?: boolean }).paused) throw new UsageError(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`);
  const history = await revisions(ctx, t, deployment);
  const revs = [...history.keys()];
  const target = toRevision > 0 ? toRevision : revs.length >= 2 ? revs[revs.length - 2] : 0;
  if (toRevision > 0 && !history.has(toRevision)) throw new UsageError(`unable to find specified revision ${toRevision} in history`);
  if (!target) throw new UsageError(`no rollout history found for deployment ${JSON.stringify(t.name)}`);
  const rs = history.get(target)!;
  const template = structuredClone((rs.spec as { template: Template }).template);
  delete template.metadata?.labels?.['pod-template-hash'];
  if (sameJson(template, (deployment.spec as { template: Template }).template)) return `skipped rollback (current template already matches revision ${target})`;
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(deployment.metadata.annotations ?? {})) if (SKIPPED.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!SKIPPED.has(k)) annotations[k] = v;
  const patch = [
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
  await ctx.host.api.patch({ ...REPLICASETS, resource: 'deployments', namespace: t.namespace, name: t.name }, 'json', patch, { actor: 'kubectl' });
  return 'rolled back';
}

function sameJson(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => (Array.isArray(v) ? v.map(norm) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)).map(([k, x]) => [k, norm(x)])) : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

const multiline = (label: string, map: Record<string, string> | undefined, sep: string): string => {
  const entries = Object.entries(map ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return `${label}:\t<none>\n`;
  return entries.map(([k, v], i) => `${i === 0 ? `${label}:\t` : '\t'}${k}${sep}${v}\n`).join('');
};

interface ContainerLike {
  name: string;
  image?: string;
  ports?: Array<{ containerPort: number; hostPort?: number; protocol?: string }>;
  command?: string[];
  args?: string[];
  env?: Array<{ name: string; value?: string }>;
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
}

/** DescribePodTemplate's text as `rollout history --revision` prints it (no tabwriter). */
export function describeTemplate(template: Template): string {
  const spec = (template.spec ?? {}) as { containers?: ContainerLike[]; initContainers?: ContainerLike[]; nodeSelector?: Record<string, string>; serviceAccountName?: string; priorityClassName?: string };
  let out = 'Pod Template:\n' + multiline('  Labels', template.metadata?.labels, '=');
  if (Object.keys(template.metadata?.annotations ?? {}).length) out += multiline('  Annotations', template.metadata?.annotations, ': ');
  if (spec.serviceAccountName) out += `  Service Account:\t${spec.serviceAccountName}\n`;
  if (spec.initContainers?.length) out += describeContainers('Init Containers', spec.initContainers);
  out += describeContainers('Containers', spec.containers ?? []);
  out += '  Volumes:\t<none>\n';
  out += multiline('  Node-Selectors', spec.nodeSelector, '=');
  out += '  Tolerations:\t<none>\n';
  if (spec.priorityClassName) out += `  Priority Class Name:\t${spec.priorityClassName}\n`;
  return out;
}

function describeContainers(title: string, containers: ContainerLike[]): string {
  let out = `  ${title}:\n`;
  for (const c of containers) {
    out += `   ${c.name}:\n    Image:\t${c.image ?? ''}\n`;
    const ports = c.ports ?? [];
    out += `    Port${ports.length > 1 ? 's' : ''}:\t${ports.length ? ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>'}\n`;
    out += `    Host Port${ports.length > 1 ? 's' : ''}:\t${ports.length ? ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>'}\n`;
    if (c.command?.length) out += `    Command:\n${c.command.map((x) => `      ${x}\n`).join('')}`;
    if (c.args?.length) out += `    Args:\n${c.args.map((x) => `      ${x}\n`).join('')}`;
    for (const [label, list] of [['Limits', c.resources?.limits], ['Requests', c.resources?.requests]] as const) {
      if (list && Object.keys(list).length) out += `    ${label}:\n${Object.entries(list).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `      ${k}:\t${v}\n`).join('')}`;
    }
    out += c.env?.length ? `    Environment:\n${c.env.map((e) => `      ${e.name}:\t${e.value ?? ''}\n`).join('')}` : '    Environment:\t<none>\n';
    out += '    Mounts:\t<none>\n';
  }
  return out;
}
