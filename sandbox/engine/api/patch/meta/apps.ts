// apps/v1, batch/v1 and autoscaling kinds: workloads with pod templates.
import { conditions, kindRoot, labelSelector, objectMeta, podTemplateSpec } from './common.js';
import { mergedList, struct, type StructType } from './types.js';

const workloadStatus = () => struct({ conditions: conditions() });

const jobSpec = struct({ selector: labelSelector, template: podTemplateSpec });

export const appsKinds: Record<string, StructType> = {
  Deployment: kindRoot({ spec: struct({ selector: labelSelector, template: podTemplateSpec }), status: workloadStatus() }),
  ReplicaSet: kindRoot({ spec: struct({ selector: labelSelector, template: podTemplateSpec }), status: workloadStatus() }),
  DaemonSet: kindRoot({ spec: struct({ selector: labelSelector, template: podTemplateSpec }), status: workloadStatus() }),
  // volumeClaimTemplates: +listType=atomic
  StatefulSet: kindRoot({ spec: struct({ selector: labelSelector, template: podTemplateSpec }), status: workloadStatus() }),
  ControllerRevision: kindRoot({}),
};

export const batchKinds: Record<string, StructType> = {
  // JobStatus.conditions: patchMergeKey type but +listType=atomic
  Job: kindRoot({ spec: jobSpec, status: struct({ conditions: mergedList('type', undefined, { atomicForApply: true }) }) }),
  CronJob: kindRoot({ spec: struct({ jobTemplate: struct({ metadata: objectMeta, spec: jobSpec }) }) }),
};

export const autoscalingKinds: Record<string, StructType> = {
  // metrics, currentMetrics: +listType=atomic; conditions: merge by type, +listType=map
  HorizontalPodAutoscaler: kindRoot({ status: struct({ conditions: conditions() }) }),
  Scale: kindRoot({}),
};
