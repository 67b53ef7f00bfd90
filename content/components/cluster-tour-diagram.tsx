// The cluster tour lesson's diagram: which kube-system Pod runs on which node of a kubeadm cluster.
import { Box, Diagram, GREEN, GREY, Label } from './svg-parts';

function Pod({ x, y, name, kind }: { x: number; y: number; name: string; kind: string }) {
  return <Box x={x} y={y} w={200} h={40} title={name} note={kind} fill="#eef3fd" />;
}

export function ClusterTourDiagram() {
  return (
    <Diagram
      width={760}
      height={330}
      title="Where the kube-system Pods run"
      desc="The control-plane node runs kube-apiserver, etcd, kube-scheduler and kube-controller-manager as static Pods, and a kube-proxy Pod. Each worker node runs a kube-proxy Pod, CoreDNS runs on the workers, and your own Pods run on the workers."
      caption="A kubeadm cluster: static Pods on the control-plane node, a kube-proxy on every node, your Pods on the workers."
    >
      <Box x={10} y={10} w={240} h={310} fill="#f6f8fa" stroke={GREY} dashed />
      <Label x={24} y={32} bold>
        controlplane (control-plane)
      </Label>
      <Pod x={30} y={45} name="kube-apiserver" kind="static Pod" />
      <Pod x={30} y={92} name="etcd" kind="static Pod" />
      <Pod x={30} y={139} name="kube-scheduler" kind="static Pod" />
      <Pod x={30} y={186} name="kube-controller-manager" kind="static Pod" />
      <Pod x={30} y={233} name="kube-proxy" kind="DaemonSet Pod" />
      <Label x={30} y={300}>
        taint: control-plane:NoSchedule
      </Label>
      {[0, 1].map((i) => {
        const x = 270 + i * 245;
        return (
          <g key={i}>
            <Box x={x} y={10} w={235} h={310} fill="#f6f8fa" stroke={GREY} dashed />
            <Label x={x + 14} y={32} bold>
              {`node0${i + 1} (worker)`}
            </Label>
            <Pod x={x + 17} y={45} name="kube-proxy" kind="DaemonSet Pod" />
            <Pod x={x + 17} y={92} name="coredns" kind="Deployment Pod" />
            <Box x={x + 17} y={160} w={200} h={40} title="your Pods" note="placed by the scheduler" fill="#e6f4ea" stroke={GREEN} />
            <Box x={x + 17} y={250} w={200} h={50} title="kubelet + containerd" note="not Pods: services on the node" fill="#ffffff" stroke={GREY} />
          </g>
        );
      })}
    </Diagram>
  );
}
