// The kubeadm lesson's diagram: kubeadm init on the control plane (certificates, kubeconfigs,
// static Pod manifests, add-ons), kubeadm join on a worker (bootstrap token, TLS bootstrap).
import { Arrow, ArrowHead, Box, Diagram, GREEN, GREY, Label } from './svg-parts';

export function KubeadmDiagram() {
  return (
    <Diagram
      width={760}
      height={260}
      title="kubeadm init and join"
      desc="On the control-plane node, kubeadm init generates the cluster CA and certificates in /etc/kubernetes/pki, kubeconfigs for admin, kubelet, scheduler and controller manager, static Pod manifests for etcd, kube-apiserver, kube-controller-manager and kube-scheduler, then installs CoreDNS and kube-proxy and prints a join command. On a worker, kubeadm join uses the bootstrap token and the CA hash to contact the API server on port 6443, the kubelet gets its own certificate through a CertificateSigningRequest, and the node registers."
      caption="init builds the control plane from files; join turns a machine with a kubelet into a node."
    >
      <ArrowHead id="ka-arrow" />
      <Box x={20} y={20} w={330} h={220} fill="#f6f8fa" stroke={GREY} dashed />
      <Label x={34} y={42} bold>
        controlplane: kubeadm init
      </Label>
      {['pki/: CA, API server, etcd certs', 'kubeconfigs: admin, kubelet, scheduler, …', 'manifests/: etcd, apiserver, …', 'add-ons: CoreDNS, kube-proxy', 'prints: kubeadm join …'].map((t, i) => (
        <Box key={t} x={40} y={55 + i * 36} w={290} h={30} title={t} fill={i === 2 ? '#e6f4ea' : '#ffffff'} stroke={i === 2 ? GREEN : undefined} />
      ))}
      <Box x={420} y={20} w={320} h={220} fill="#f6f8fa" stroke={GREY} dashed />
      <Label x={434} y={42} bold>
        node03: kubeadm join
      </Label>
      <Box x={440} y={60} w={280} h={34} title="token + CA hash → API server :6443" />
      <Box x={440} y={110} w={280} h={34} title="kubelet: CSR → its own certificate" />
      <Box x={440} y={160} w={280} h={34} title="Node registered, Ready after CNI" fill="#e6f4ea" stroke={GREEN} />
      <Arrow x1={352} y1={200} x2={436} y2={80} id="ka-arrow" />
    </Diagram>
  );
}
