// DefaultTolerationSeconds and Priority admission: every pod tolerates not-ready and unreachable
// nodes for 300 s, and carries the priority (and preemption policy) of its PriorityClass, or 0.
import { failure } from '../api/errors-extra.js';
import { isStatusError } from '../api/errors.js';
import type { KubeObject } from '../objects.js';
import { isResource, type AdmissionAttributes, type AdmissionContext, type AdmissionPlugin } from './types.js';

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}
interface PodSpec {
  tolerations?: Toleration[];
  priorityClassName?: string;
  priority?: number;
  preemptionPolicy?: string;
}

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const DEFAULT_TOLERATION_SECONDS = 300;

const creatingPod = (a: AdmissionAttributes) => a.operation === 'CREATE' && !a.subresource && isResource(a, '', 'pods') && !!a.object;
const specOf = (pod: KubeObject) => (pod.spec ?? (pod.spec = {})) as PodSpec;

function tolerates(list: Toleration[], key: string): boolean {
  return list.some((t) => (t.effect === 'NoExecute' || !t.effect) && (t.key === key || (!t.key && t.operator === 'Exists')));
}

export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  admit(a) {
    if (!creatingPod(a)) return;
    const spec = specOf(a.object!);
    const list = [...(spec.tolerations ?? [])];
    for (const key of [NOT_READY, UNREACHABLE]) {
      if (!tolerates(list, key)) list.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
    }
    spec.tolerations = list;
  },
};

const forbiddenPod = (a: AdmissionAttributes, why: string) =>
  failure(403, 'Forbidden', a.name ? `pods ${JSON.stringify(a.name)} is forbidden: ${why}` : `pods is forbidden: ${why}`, {
    ...(a.name ? { name: a.name } : {}),
    kind: 'pods',
  });

interface PriorityClass extends KubeObject {
  value: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
}

function priorityClass(ctx: AdmissionContext, name: string): PriorityClass | undefined {
  try {
    return ctx.api.get({ group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', name }) as PriorityClass;
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return undefined;
    throw e;
  }
}

function globalDefault(ctx: AdmissionContext): PriorityClass | undefined {
  const all = ctx.api.list({ group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses' }).items as PriorityClass[];
  return all.filter((pc) => pc.globalDefault).sort((x, y) => x.value - y.value)[0];
}

export const priorityAdmission: AdmissionPlugin = {
  name: 'Priority',
  admit(a, ctx) {
    if (!creatingPod(a)) return;
    const spec = specOf(a.object!);
    let value = 0;
    let policy = 'PreemptLowerPriority';
    if (spec.priorityClassName) {
      const pc = priorityClass(ctx, spec.priorityClassName);
      if (!pc) throw forbiddenPod(a, `no PriorityClass with name ${spec.priorityClassName} was found`);
      value = pc.value;
      policy = pc.preemptionPolicy ?? policy;
    } else {
      const pc = globalDefault(ctx);
      if (pc) {
        spec.priorityClassName = pc.metadata.name;
        value = pc.value;
        policy = pc.preemptionPolicy ?? policy;
      }
    }
    if (spec.priority !== undefined && spec.priority !== value) {
      throw forbiddenPod(a, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`);
    }
    spec.priority = value;
    spec.preemptionPolicy ??= policy;
  },
};
