// The components a lesson's MDX may use, by name.
import { ApplyDiagram } from './apply-diagram';
import { ArchitectureDiagram } from './architecture-diagram';
import { ClusterTourDiagram } from './cluster-tour-diagram';
import { ClusterDemo } from './cluster-demo';
import { NamespacesDiagram } from './namespaces-diagram';
import { RollingUpdateDiagram } from './rolling-update-diagram';
import { SchedulingDiagram } from './scheduling-diagram';
import { ReconcileDiagram } from './reconcile-diagram';
import { NodeLifecycleDiagram } from './node-lifecycle-diagram';
import { JobsDiagram } from './jobs-diagram';
import { ServicesDiagram } from './services-diagram';
import { NetworkPolicyDiagram } from './network-policy-diagram';
import { IngressDiagram } from './ingress-diagram';
import { StorageDiagram } from './storage-diagram';
import { AutoscalingDiagram } from './autoscaling-diagram';
import { ResourcesDiagram } from './resources-diagram';
import { TroubleshootingDiagram } from './troubleshooting-diagram';
import { ApiServerDiagram } from './api-server-diagram';
import { EtcdDiagram } from './etcd-diagram';
import { KubeletDiagram } from './kubelet-diagram';
import { KubeadmDiagram } from './kubeadm-diagram';
import { RbacDiagram } from './rbac-diagram';
import { ConfigDiagram } from './config-diagram';
import { PodDesignDiagram } from './pod-design-diagram';
import { SecurityContextDiagram } from './security-context-diagram';
import { CodeBlock } from './code-block';

export const mdxComponents = { pre: CodeBlock, ApiServerDiagram, ApplyDiagram, ArchitectureDiagram, AutoscalingDiagram, ClusterDemo, ClusterTourDiagram, ConfigDiagram, EtcdDiagram, IngressDiagram, JobsDiagram, KubeadmDiagram, KubeletDiagram, NamespacesDiagram, NetworkPolicyDiagram, NodeLifecycleDiagram, PodDesignDiagram, RbacDiagram, ReconcileDiagram, ResourcesDiagram, RollingUpdateDiagram, SchedulingDiagram, SecurityContextDiagram, ServicesDiagram, StorageDiagram, TroubleshootingDiagram };
