// The namespaces lesson's diagram: namespaced objects live in a namespace; nodes, namespaces and
// PersistentVolumes belong to the whole cluster; a kubeconfig context picks the default namespace.
import { Box, Diagram, GREY, Label } from './svg-parts';

function Namespace({ x, name, items }: { x: number; name: string; items: string[] }) {
  return (
    <g>
      <Box x={x} y={50} w={160} h={150} fill="#eef3fd" />
      <Label x={x + 10} y={70} bold color="#326ce5">
        {`namespace ${name}`}
      </Label>
      {items.map((item, i) => (
        <Box key={item} x={x + 10} y={82 + i * 36} w={140} h={28} title={item} />
      ))}
    </g>
  );
}

export function NamespacesDiagram() {
  return (
    <Diagram
      width={760}
      height={300}
      title="Namespaces in a cluster"
      desc="One cluster with four namespaces: default, kube-system, team-a and billing, each holding its own Deployments, Pods and Services. Two namespaces can each hold a Deployment named web. Nodes, Namespaces and PersistentVolumes are cluster-scoped. The kubeconfig's current context names the namespace kubectl uses by default."
      caption="Names are unique per namespace; nodes and namespaces themselves are cluster-wide. The current context picks the default namespace."
    >
      <Box x={10} y={10} w={740} h={280} fill="#f6f8fa" stroke={GREY} dashed />
      <Label x={24} y={34} bold>
        cluster
      </Label>
      <Namespace x={24} name="default" items={['Deployment web', 'Service web']} />
      <Namespace x={204} name="kube-system" items={['Pod etcd-…', 'Deployment coredns', 'DaemonSet kube-proxy']} />
      <Namespace x={384} name="team-a" items={['Deployment web', 'Pod web-…']} />
      <Namespace x={564} name="billing" items={['Deployment invoices']} />
      <Label x={24} y={228} bold>
        cluster-scoped:
      </Label>
      <Box x={130} y={212} w={110} h={26} title="Node node01" />
      <Box x={250} y={212} w={130} h={26} title="Namespace team-a" />
      <Box x={390} y={212} w={150} h={26} title="PersistentVolume pv1" />
      <Label x={24} y={270}>
        ~/.kube/config → current-context: kubernetes-admin@kubernetes, namespace: team-a → `kubectl get pods` reads team-a
      </Label>
    </Diagram>
  );
}
