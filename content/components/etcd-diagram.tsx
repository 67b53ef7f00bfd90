// The etcd lesson's diagram: the API server is etcd's only client; objects are keys under
// /registry; a snapshot file is the backup.
import { Arrow, ArrowHead, Box, Diagram, GREEN, Label } from './svg-parts';

const KEYS = ['/registry/namespaces/ledger', '/registry/pods/default/web-7f…', '/registry/deployments/default/web', '/registry/secrets/kube-system/…'];

export function EtcdDiagram() {
  return (
    <Diagram
      width={760}
      height={250}
      title="etcd behind the API server"
      desc="Clients such as kubectl, the scheduler and the controllers talk only to kube-apiserver. kube-apiserver is etcd's only client, over TLS on port 2379 with a client certificate. etcd stores each object as a key under /registry, such as /registry/namespaces/ledger or /registry/deployments/default/web. etcdctl snapshot save writes a backup file."
      caption="One key per object under /registry; only the API server reads and writes them."
    >
      <ArrowHead id="etcd-arrow" />
      <Box x={20} y={40} w={150} h={56} title="kubectl, controllers" note="HTTPS :6443" fill="#eef3fd" />
      <Box x={220} y={40} w={160} h={56} title="kube-apiserver" note="etcd's only client" />
      <Box x={430} y={20} w={310} h={170} title="" fill="#e6f4ea" stroke={GREEN} />
      <Label x={444} y={42} bold>
        etcd :2379 (TLS, client certificates)
      </Label>
      {KEYS.map((k, i) => (
        <Label key={k} x={450} y={70 + i * 24}>
          {k}
        </Label>
      ))}
      <Arrow x1={172} y1={68} x2={216} y2={68} id="etcd-arrow" />
      <Arrow x1={382} y1={68} x2={426} y2={68} id="etcd-arrow" />
      <Box x={430} y={205} w={310} h={36} title="etcdctl snapshot save backup.db" />
      <Label x={20} y={150}>
        Static Pod on the control plane:
      </Label>
      <Label x={20} y={168}>
        /etc/kubernetes/manifests/etcd.yaml,
      </Label>
      <Label x={20} y={186}>
        data in /var/lib/etcd.
      </Label>
    </Diagram>
  );
}
