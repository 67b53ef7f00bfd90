// The remaining groups: networking, discovery, rbac, storage, coordination, policy. Their lists are
// all `+listType=atomic` or sets without patch strategies, except the conditions.
import { conditions, kindRoot, labelSelector } from './common.js';
import { applySet, atomicList, struct, type StructType } from './types.js';

export const networkingKinds: Record<string, StructType> = {
  Ingress: kindRoot({}),
  IngressClass: kindRoot({}),
  NetworkPolicy: kindRoot({ spec: struct({ podSelector: labelSelector }) }),
};

export const discoveryKinds: Record<string, StructType> = {
  // endpoints, ports: +listType=atomic; an endpoint's addresses: +listType=set
  EndpointSlice: kindRoot({ endpoints: atomicList(struct({ addresses: applySet() })) }),
};

export const rbacKinds: Record<string, StructType> = {
  Role: kindRoot({}),
  ClusterRole: kindRoot({}),
  RoleBinding: kindRoot({}),
  ClusterRoleBinding: kindRoot({}),
};

export const storageKinds: Record<string, StructType> = {
  StorageClass: kindRoot({}),
};

export const coordinationKinds: Record<string, StructType> = {
  Lease: kindRoot({}),
};

export const policyKinds: Record<string, StructType> = {
  PodDisruptionBudget: kindRoot({ spec: struct({ selector: labelSelector }), status: struct({ conditions: conditions() }) }),
};
