// TypeScript checks of the practice exams, by the name exam.yaml gives them (`fn: <exam>/<name>`),
// for what a declarative check cannot say (RBAC reached any valid way). Labs' own functions stay
// usable too (exams/grading.ts merges both registries).
import { fail, pass, type GradingState } from '../sandbox/grading/check';
import type { FunctionCheck } from '../sandbox/grading/declarative';
import type { KubeObject } from '../sandbox/engine/objects';
import { findObject, objectsOfKind, matchesSelector, readyReplicas } from '../sandbox/grading/queries';
import { RBAC_KINDS, serviceAccountMay } from './rbac';
import { ckadFunctions } from './functions-ckad';
import { mountsClaim, requiresNodeLabel, toleratesTaint } from './pod-spec';

const code = (s: string) => `\`${s}\``;

/** A check that a service account may do each of `allowed` and none of `denied` (verb, resource, group) in a namespace. */
function serviceAccountRights(sa: { namespace: string; name: string }, where: string, group: string, resource: string, allowed: string[], denied: string[]): FunctionCheck {
  return {
    kinds: ['ServiceAccount', ...RBAC_KINDS],
    evaluate(state: GradingState) {
      const who = `${sa.namespace}/${sa.name}`;
      const may = (verb: string) => serviceAccountMay(state, sa.namespace, sa.name, { verb, group, resource, namespace: where });
      const missing = allowed.filter((v) => !may(v));
      if (missing.length) return fail(`Service account ${code(who)} may not ${missing.join(', ')} ${resource} in namespace ${code(where)} yet.`);
      const extra = denied.filter(may);
      if (extra.length) return fail(`Service account ${code(who)} may also ${extra.join(', ')} ${resource} in namespace ${code(where)}: grant only what the task asks.`);
      return pass(`Service account ${code(who)} may ${allowed.join(', ')} ${resource} in ${code(where)}, and nothing more on them.`);
    },
  };
}

export const examFunctions: Readonly<Record<string, FunctionCheck>> = {
  ...ckadFunctions,
  'cka-practice/data-pod-mounts-claim': {
    kinds: ['Pod'],
    evaluate(state) {
      const pod = findObject(state, 'Pod', 'default', 'data-pod');
      if (!pod) return fail(`No Pod ${code('data-pod')} in namespace ${code('default')} yet.`);
      if (!mountsClaim(pod, 'data-pvc', '/usr/share/nginx/html')) return fail(`Pod ${code('data-pod')} does not mount the claim ${code('data-pvc')} at ${code('/usr/share/nginx/html')}.`);
      const phase = (pod as { status?: { phase?: string } }).status?.phase;
      return phase === 'Running' ? pass(`Pod ${code('data-pod')} runs with ${code('data-pvc')} at ${code('/usr/share/nginx/html')}.`) : fail(`Pod ${code('data-pod')} mounts the claim but is ${phase ?? 'not running'}.`);
    },
  },
  'cka-practice/fast-cache-needs-ssd': {
    kinds: ['Pod'],
    evaluate(state) {
      const pod = findObject(state, 'Pod', 'default', 'fast-cache');
      if (!pod) return fail(`No Pod ${code('fast-cache')} in namespace ${code('default')} yet.`);
      return requiresNodeLabel(pod, 'disk', 'ssd') ? pass(`Pod ${code('fast-cache')} can only run on nodes labelled ${code('disk=ssd')}.`) : fail(`Pod ${code('fast-cache')} could run on any node: give it a nodeSelector (or a required node affinity) for ${code('disk=ssd')}.`);
    },
  },
  'cka-practice/gpu-job-tolerates': {
    kinds: ['Pod'],
    evaluate(state) {
      const pod = findObject(state, 'Pod', 'default', 'gpu-job');
      if (!pod) return fail(`No Pod ${code('gpu-job')} in namespace ${code('default')} yet.`);
      if (!toleratesTaint(pod, { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' })) return fail(`Pod ${code('gpu-job')} does not tolerate the taint ${code('dedicated=gpu:NoSchedule')}.`);
      const { nodeName } = (pod as { spec?: { nodeName?: string } }).spec ?? {};
      const phase = (pod as { status?: { phase?: string } }).status?.phase;
      if (nodeName !== 'node01') return fail(`Pod ${code('gpu-job')} tolerates the taint but runs on ${nodeName ? code(nodeName) : 'no node'}, not ${code('node01')}.`);
      return phase === 'Running' ? pass(`Pod ${code('gpu-job')} tolerates the taint and runs on ${code('node01')}.`) : fail(`Pod ${code('gpu-job')} is on ${code('node01')} but ${phase ?? 'not running'}.`);
    },
  },
  'cka-practice/legacy-ready-elsewhere': {
    kinds: ['Deployment', 'Pod'],
    evaluate(state) {
      const legacy = findObject(state, 'Deployment', 'default', 'legacy');
      if (!legacy) return fail(`The Deployment ${code('legacy')} is gone: it must keep running.`);
      const onNode03 = objectsOfKind(state, 'Pod', 'default').filter((p) => matchesSelector(p.metadata.labels, 'app=legacy') && (p as { spec?: { nodeName?: string } }).spec?.nodeName === 'node03');
      if (onNode03.length) return fail(`${onNode03.length} legacy Pod(s) still run on ${code('node03')}.`);
      const ready = readyReplicas(legacy);
      return ready >= 6 ? pass(`All 6 legacy replicas are ready on the other nodes.`) : fail(`Only ${ready} of 6 legacy replicas are ready.`);
    },
  },
  'cka-practice/deploy-bot-rights': serviceAccountRights({ namespace: 'ci', name: 'deploy-bot' }, 'ci', 'apps', 'deployments', ['create', 'get', 'list', 'update'], ['delete', 'deletecollection']),
  'cka-practice/deployer-binding': {
    kinds: RBAC_KINDS,
    evaluate(state) {
      const role = findObject(state, 'Role', 'ci', 'deployer');
      const binding = findObject(state, 'RoleBinding', 'ci', 'deployer-binding') as (KubeObject & { roleRef?: { kind?: string; name?: string }; subjects?: { kind?: string; name?: string; namespace?: string }[] }) | undefined;
      if (!role) return fail(`No Role ${code('deployer')} in namespace ${code('ci')} yet.`);
      if (!binding) return fail(`No RoleBinding ${code('deployer-binding')} in namespace ${code('ci')} yet.`);
      if (binding.roleRef?.kind !== 'Role' || binding.roleRef.name !== 'deployer') return fail(`RoleBinding ${code('deployer-binding')} refers to ${binding.roleRef?.kind ?? '?'} ${code(binding.roleRef?.name ?? '?')}, not the Role ${code('deployer')}.`);
      const bindsBot = (binding.subjects ?? []).some((s) => s.kind === 'ServiceAccount' && s.name === 'deploy-bot' && (s.namespace ?? 'ci') === 'ci');
      return bindsBot ? pass(`RoleBinding ${code('deployer-binding')} gives Role ${code('deployer')} to ${code('ci/deploy-bot')}.`) : fail(`RoleBinding ${code('deployer-binding')} does not name the service account ${code('deploy-bot')} of namespace ${code('ci')}.`);
    },
  },
  'cka-practice/deploy-bot-only-in-ci': {
    kinds: ['ServiceAccount', ...RBAC_KINDS],
    evaluate(state) {
      const elsewhere = ['default', 'kube-system'].filter((ns) => serviceAccountMay(state, 'ci', 'deploy-bot', { verb: 'create', group: 'apps', resource: 'deployments', namespace: ns }));
      if (!serviceAccountMay(state, 'ci', 'deploy-bot', { verb: 'create', group: 'apps', resource: 'deployments', namespace: 'ci' })) return fail(`Service account ${code('ci/deploy-bot')} may not create deployments in ${code('ci')} yet.`);
      return elsewhere.length ? fail(`Service account ${code('ci/deploy-bot')} may also create deployments in ${elsewhere.map(code).join(', ')}: bind the role in namespace ${code('ci')} only.`) : pass(`The rights of ${code('ci/deploy-bot')} stop at namespace ${code('ci')}.`);
    },
  },
};
