// Which describer prints which kind (describe.go's describerMap); kinds without one get the
// generic describer, which walks the object's fields.
import type { ResourceType } from '../../engine/api/types.js';
import type { KubeObject } from '../../engine/objects.js';
import type { KubeClient } from '../client.js';
import { describeCronJob, describeJob } from './batch.js';
import { describeConfigMap, describeSecret, describeServiceAccount } from './config.js';
import { describeGeneric } from './generic.js';
import { describeNamespace, describeLimitRange, describeResourceQuota } from './namespaces.js';
import { describeEndpoints, describeService } from './network.js';
import { describeNode } from './nodes.js';
import { describePod } from './pods.js';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeStatefulSet } from './workloads.js';

export interface DescribeSettings {
  api: KubeClient;
  /** Ages are computed against this time (kubectl's own clock). */
  now: number;
  showEvents: boolean;
}

export type Describer = (s: DescribeSettings, obj: KubeObject, type: ResourceType) => Promise<string>;

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePod,
  '/Service': describeService,
  '/Node': describeNode,
  '/Namespace': describeNamespace,
  '/ConfigMap': describeConfigMap,
  '/Secret': describeSecret,
  '/ServiceAccount': describeServiceAccount,
  '/Endpoints': describeEndpoints,
  '/LimitRange': describeLimitRange,
  '/ResourceQuota': describeResourceQuota,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
  'apps/DaemonSet': describeDaemonSet,
  'apps/StatefulSet': describeStatefulSet,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
};

export function describeObject(s: DescribeSettings, type: ResourceType, obj: KubeObject): Promise<string> {
  const describer = DESCRIBERS[`${type.group}/${type.kind}`] ?? describeGeneric;
  return describer(s, obj, type);
}
