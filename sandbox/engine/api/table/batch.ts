// batch/v1 Jobs and CronJobs, and autoscaling HorizontalPodAutoscalers (printJob, printCronJob,
// printHorizontalPodAutoscaler) as of Kubernetes 1.32: a Job's STATUS has no SuccessCriteriaMet
// yet (that arrived in 1.34).
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { CrossVersionObjectReference, HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { KubeObject } from '../../objects.js';
import { ageCol, col, containersCol, docCol, imagesCol, nameCol } from './columns.js';
import { humanDuration, parseTime, since } from './duration.js';
import { conditionTrue, containerCells, formatLabelSelector } from './format.js';
import { canonicalQuantity as q } from './quantity.js';
import type { Printer } from './types.js';

function jobStatus(job: Job): string {
  const conditions = job.status?.conditions;
  if (conditionTrue(conditions, 'Complete')) return 'Complete';
  if (conditionTrue(conditions, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (conditionTrue(conditions, 'Suspended')) return 'Suspended';
  if (conditionTrue(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined && job.spec.completions !== null) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: Job, now: number): string {
  const start = parseTime(job.status?.startTime);
  if (start === undefined) return '';
  const end = parseTime(job.status?.completionTime);
  return humanDuration((end ?? now) - start);
}

export const jobPrinter: Printer = {
  columns: [
    nameCol(),
    col('Status', 'string', 'Status of the job.'),
    docCol('Completions', 'string', 'batch/v1 JobStatus.succeeded'),
    col('Duration', 'string', 'Time required to complete the job.'),
    ageCol(),
    containersCol(),
    imagesCol(),
    docCol('Selector', 'string', 'batch/v1 JobSpec.selector', 1),
  ],
  cells(obj, now) {
    const job = obj as unknown as Job;
    const [names, images] = containerCells(job.spec?.template?.spec?.containers);
    return [job.metadata?.name ?? '', jobStatus(job), jobCompletions(job), jobDuration(job, now), since(job.metadata?.creationTimestamp, now), names, images, formatLabelSelector(job.spec?.selector)];
  },
};

const boolPtr = (v: boolean | undefined) => (v === undefined || v === null ? '<unset>' : v ? 'True' : 'False');

export const cronJobPrinter: Printer = {
  columns: [
    nameCol(),
    docCol('Schedule', 'string', 'batch/v1beta1 CronJobSpec.schedule'),
    docCol('Timezone', 'string', 'batch/v1beta1 CronJobSpec.timeZone'),
    docCol('Suspend', 'boolean', 'batch/v1beta1 CronJobSpec.suspend'),
    docCol('Active', 'integer', 'batch/v1beta1 CronJobStatus.active'),
    docCol('Last Schedule', 'string', 'batch/v1beta1 CronJobStatus.lastScheduleTime'),
    ageCol(),
    containersCol(),
    imagesCol(),
    docCol('Selector', 'string', 'batch/v1 JobSpec.selector', 1),
  ],
  cells(obj, now) {
    const cj = obj as unknown as CronJob;
    const jobSpec = cj.spec?.jobTemplate?.spec;
    const [names, images] = containerCells(jobSpec?.template?.spec?.containers);
    const last = cj.status?.lastScheduleTime ? since(cj.status.lastScheduleTime, now) : '<none>';
    return [
      cj.metadata?.name ?? '',
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? '<none>',
      boolPtr(cj.spec?.suspend),
      cj.status?.active?.length ?? 0,
      last,
      since(cj.metadata?.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(jobSpec?.selector),
    ];
  },
};

/** One metric of the TARGETS cell, e.g. `cpu: 42%/80%` or `<unknown>/100 (avg)`. */
function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  const unknown = '<unknown>';
  switch (spec.type) {
    case 'External': {
      const t = spec.external!.target;
      if (t.averageValue !== undefined) return `${status?.external?.current.averageValue !== undefined ? q(status.external.current.averageValue) : unknown}/${q(t.averageValue)} (avg)`;
      return `${status?.external ? q(status.external.current.value) : unknown}/${q(t.value)}`;
    }
    case 'Pods':
      return `${status?.pods ? q(status.pods.current.averageValue) : unknown}/${q(spec.pods!.target.averageValue)}`;
    case 'Object': {
      const t = spec.object!.target;
      if (t.averageValue !== undefined) return `${status?.object?.current.averageValue !== undefined ? q(status.object.current.averageValue) : unknown}/${q(t.averageValue)} (avg)`;
      return `${status?.object ? q(status.object.current.value) : unknown}/${q(t.value)}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const source = spec.type === 'Resource' ? spec.resource! : spec.containerResource!;
      const current = spec.type === 'Resource' ? status?.resource : status?.containerResource;
      if (source.target.averageValue !== undefined) return `${source.name}: ${current ? q(current.current.averageValue) : unknown}/${q(source.target.averageValue)}`;
      const now = current?.current.averageUtilization !== undefined ? `${current.current.averageUtilization}%` : unknown;
      const target = source.target.averageUtilization !== undefined ? `${source.target.averageUtilization}%` : '<auto>';
      return `${source.name}: ${now}/${target}`;
    }
    default:
      return '<unknown type>';
  }
}

/** The TARGETS cell: the first two metrics, then ` + N more...`. */
export function formatHpaMetrics(specs: MetricSpec[] | undefined, statuses: MetricStatus[] | undefined): string {
  if (!specs?.length) return '<none>';
  const list = specs.map((s, i) => formatMetric(s, statuses?.[i]));
  return list.length > 2 ? `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...` : list.join(', ');
}

export const hpaPrinter: Printer = {
  columns: [
    nameCol(),
    docCol('Reference', 'string', 'autoscaling/v2beta1 HorizontalPodAutoscalerSpec.scaleTargetRef'),
    docCol('Targets', 'string', 'autoscaling/v2beta1 HorizontalPodAutoscalerSpec.metrics'),
    docCol('MinPods', 'string', 'autoscaling/v2beta1 HorizontalPodAutoscalerSpec.minReplicas'),
    docCol('MaxPods', 'string', 'autoscaling/v2beta1 HorizontalPodAutoscalerSpec.maxReplicas'),
    docCol('Replicas', 'string', 'autoscaling/v2beta1 HorizontalPodAutoscalerStatus.currentReplicas'),
    ageCol(),
  ],
  cells(obj: KubeObject, now) {
    const hpa = toV2(obj);
    const ref = hpa.spec?.scaleTargetRef;
    return [
      hpa.metadata?.name ?? '',
      `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
      formatHpaMetrics(hpa.spec?.metrics, hpa.status?.currentMetrics),
      hpa.spec?.minReplicas !== undefined ? String(hpa.spec.minReplicas) : '<unset>',
      hpa.spec?.maxReplicas ?? 0,
      hpa.status?.currentReplicas ?? 0,
      since(hpa.metadata?.creationTimestamp, now),
    ];
  },
};

/** autoscaling/v1 objects carry one CPU target; the printer sees them converted to v2. */
function toV2(obj: KubeObject): HorizontalPodAutoscaler {
  if (obj.apiVersion !== 'autoscaling/v1') return obj as unknown as HorizontalPodAutoscaler;
  const spec = (obj.spec ?? {}) as { targetCPUUtilizationPercentage?: number; scaleTargetRef?: CrossVersionObjectReference; minReplicas?: number; maxReplicas?: number };
  const status = (obj.status ?? {}) as { currentCPUUtilizationPercentage?: number; currentReplicas?: number };
  const cpu = spec.targetCPUUtilizationPercentage;
  return {
    metadata: obj.metadata,
    spec: {
      scaleTargetRef: spec.scaleTargetRef ?? { kind: '', name: '' },
      minReplicas: spec.minReplicas,
      maxReplicas: spec.maxReplicas ?? 0,
      metrics: cpu === undefined ? [] : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }],
    },
    status: {
      currentReplicas: status.currentReplicas ?? 0,
      desiredReplicas: 0,
      currentMetrics:
        status.currentCPUUtilizationPercentage === undefined
          ? []
          : [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: status.currentCPUUtilizationPercentage } } }],
    },
  };
}
