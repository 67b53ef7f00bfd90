// core/v1 kinds the engine serves.
import { conditions, kindRoot, labelSelector, podSpec, podStatus, podTemplateSpec } from './common.js';
import { atomicStruct, mergedList, mergedSet, struct, type StructType } from './types.js';

const servicePorts = mergedList('port', struct({}), { keys: ['port', 'protocol'], keyDefaults: { protocol: 'TCP' } });

export const coreKinds: Record<string, StructType> = {
  Pod: kindRoot({ spec: podSpec, status: podStatus }),
  PodTemplate: kindRoot({ template: podTemplateSpec }),
  ReplicationController: kindRoot({ spec: struct({ template: podTemplateSpec }), status: struct({ conditions: conditions() }) }),
  Service: kindRoot({ spec: struct({ ports: servicePorts }), status: struct({ conditions: conditions() }) }),
  ConfigMap: kindRoot({}),
  Secret: kindRoot({}),
  Namespace: kindRoot({ status: struct({ conditions: conditions() }) }),
  Node: kindRoot({
    // podCIDRs: patchStrategy merge, +listType=set; taints: atomic
    spec: struct({ podCIDRs: mergedSet() }),
    status: struct({
      conditions: conditions(),
      // patchMergeKey type, but several addresses may share a type: atomic for apply
      addresses: mergedList('type', undefined, { atomicForApply: true }),
    }),
  }),
  Endpoints: kindRoot({}),
  PersistentVolume: kindRoot({ spec: struct({ claimRef: atomicStruct() }) }),
  PersistentVolumeClaim: kindRoot({ spec: struct({ selector: labelSelector }), status: struct({ conditions: conditions() }) }),
  // secrets: patchStrategy merge, patchMergeKey name; imagePullSecrets: +listType=atomic
  ServiceAccount: kindRoot({ secrets: mergedList('name') }),
  ResourceQuota: kindRoot({}),
  LimitRange: kindRoot({}),
  Event: kindRoot({ involvedObject: atomicStruct() }),
  Binding: kindRoot({ target: atomicStruct() }),
};
