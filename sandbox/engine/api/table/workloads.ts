// apps/v1 workloads and ReplicationControllers (printDeployment, printReplicaSet, printDaemonSet,
// printStatefulSet, printReplicationController, printControllerRevision).
import type { ControllerRevision, DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { ReplicationController } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../objects.js';
import { ageCol, col, containersCol, docCol, imagesCol, nameCol } from './columns.js';
import { since } from './duration.js';
import { containerCells, formatLabelSelector, formatLabels, selectorString } from './format.js';
import type { Printer } from './types.js';

const name = (o: KubeObject) => o.metadata?.name ?? '';

export const deploymentPrinter: Printer = {
  columns: [
    nameCol(),
    col('Ready', 'string', 'Number of the pod with ready state'),
    docCol('Up-to-date', 'string', 'extensions/v1beta1 DeploymentStatus.updatedReplicas'),
    docCol('Available', 'string', 'extensions/v1beta1 DeploymentStatus.availableReplicas'),
    ageCol(),
    containersCol(),
    imagesCol(),
    docCol('Selector', 'string', 'extensions/v1beta1 DeploymentSpec.selector', 1),
  ],
  cells(obj, now) {
    const d = obj as unknown as Deployment;
    const [names, images] = containerCells(d.spec?.template?.spec?.containers);
    // Unlike the other printers this one prints an empty selector as "", an invalid one as <invalid>.
    const selector = selectorString(d.spec?.selector) ?? '<invalid>';
    const s = d.status ?? {};
    return [name(obj), `${s.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`, s.updatedReplicas ?? 0, s.availableReplicas ?? 0, since(obj.metadata?.creationTimestamp, now), names, images, selector];
  },
};

export const replicaSetPrinter: Printer = {
  columns: [
    nameCol(),
    docCol('Desired', 'integer', 'extensions/v1beta1 ReplicaSetSpec.replicas'),
    docCol('Current', 'integer', 'extensions/v1beta1 ReplicaSetStatus.replicas'),
    docCol('Ready', 'integer', 'extensions/v1beta1 ReplicaSetStatus.readyReplicas'),
    ageCol(),
    containersCol(),
    imagesCol(),
    docCol('Selector', 'string', 'extensions/v1beta1 ReplicaSetSpec.selector', 1),
  ],
  cells(obj, now) {
    const rs = obj as unknown as ReplicaSet;
    const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
    const s = rs.status;
    return [name(obj), rs.spec?.replicas ?? 0, s?.replicas ?? 0, s?.readyReplicas ?? 0, since(obj.metadata?.creationTimestamp, now), names, images, formatLabelSelector(rs.spec?.selector)];
  },
};

export const replicationControllerPrinter: Printer = {
  columns: [
    nameCol(),
    docCol('Desired', 'integer', 'core/v1 ReplicationControllerSpec.replicas'),
    docCol('Current', 'integer', 'core/v1 ReplicationControllerStatus.replicas'),
    docCol('Ready', 'integer', 'core/v1 ReplicationControllerStatus.readyReplicas'),
    ageCol(),
    containersCol(),
    imagesCol(),
    docCol('Selector', 'string', 'core/v1 ReplicationControllerSpec.selector', 1),
  ],
  cells(obj, now) {
    const rc = obj as unknown as ReplicationController;
    const [names, images] = containerCells(rc.spec?.template?.spec?.containers);
    const s = rc.status;
    return [name(obj), rc.spec?.replicas ?? 0, s?.replicas ?? 0, s?.readyReplicas ?? 0, since(obj.metadata?.creationTimestamp, now), names, images, formatLabels(rc.spec?.selector)];
  },
};

export const daemonSetPrinter: Printer = {
  columns: [
    nameCol(),
    docCol('Desired', 'integer', 'extensions/v1beta1 DaemonSetStatus.desiredNumberScheduled'),
    docCol('Current', 'integer', 'extensions/v1beta1 DaemonSetStatus.currentNumberScheduled'),
    docCol('Ready', 'integer', 'extensions/v1beta1 DaemonSetStatus.numberReady'),
    docCol('Up-to-date', 'integer', 'extensions/v1beta1 DaemonSetStatus.updatedNumberScheduled'),
    docCol('Available', 'integer', 'extensions/v1beta1 DaemonSetStatus.numberAvailable'),
    docCol('Node Selector', 'string', 'core/v1 PodSpec.nodeSelector'),
    ageCol(),
    containersCol(),
    imagesCol(),
    docCol('Selector', 'string', 'extensions/v1beta1 DaemonSetSpec.selector', 1),
  ],
  cells(obj, now) {
    const ds = obj as unknown as DaemonSet;
    const s = ds.status;
    const spec = ds.spec?.template?.spec;
    const [names, images] = containerCells(spec?.containers);
    return [
      name(obj),
      s?.desiredNumberScheduled ?? 0,
      s?.currentNumberScheduled ?? 0,
      s?.numberReady ?? 0,
      s?.updatedNumberScheduled ?? 0,
      s?.numberAvailable ?? 0,
      formatLabels(spec?.nodeSelector),
      since(obj.metadata?.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};

export const statefulSetPrinter: Printer = {
  columns: [nameCol(), col('Ready', 'string', 'Number of the pod with ready state'), ageCol(), containersCol(), imagesCol()],
  cells(obj, now) {
    const sts = obj as unknown as StatefulSet;
    const [names, images] = containerCells(sts.spec?.template?.spec?.containers);
    return [name(obj), `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 0}`, since(obj.metadata?.creationTimestamp, now), names, images];
  },
};

/** GroupKind.String() lower-cased, then `/name`: `daemonset.apps/fluentd`. */
function controllerName(obj: KubeObject): string {
  const ref = (obj.metadata?.ownerReferences ?? []).find((r) => r.controller);
  if (!ref) return '<none>';
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
  if (!ref.kind && !group) return ref.name;
  return `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
}

export const controllerRevisionPrinter: Printer = {
  columns: [
    nameCol(),
    col('Controller', 'string', 'Controller of the object'),
    docCol('Revision', 'string', 'apps/v1beta1 ControllerRevision.revision'),
    ageCol(),
  ],
  cells(obj, now) {
    const cr = obj as unknown as ControllerRevision;
    return [name(obj), controllerName(obj), cr.revision ?? 0, since(obj.metadata?.creationTimestamp, now)];
  },
};
