// The kubelet lesson's diagram: the kubelet takes Pods from the API server and from its static
// Pod directory, and drives containerd through CRI; each Pod is a pause sandbox plus containers.
import { Arrow, ArrowHead, Box, Diagram, GREEN, GREY, Label } from './svg-parts';

export function KubeletDiagram() {
  return (
    <Diagram
      width={760}
      height={270}
      title="Inside a node: kubelet, CRI and containers"
      desc="On node01, the kubelet watches the API server for Pods bound to its node and reads static Pod manifests from /etc/kubernetes/manifests, publishing mirror Pods for them. It calls containerd through the CRI (Container Runtime Interface) to create a sandbox for each Pod, held by a pause container, and the Pod's containers inside it. crictl is a CRI client for looking at what the runtime runs. The kubelet reports Pod status and node heartbeats back to the API server."
      caption="The kubelet reconciles Pods from two sources into containers through CRI; crictl looks at the same runtime."
    >
      <ArrowHead id="kl-arrow" />
      <Box x={20} y={30} w={160} h={50} title="kube-apiserver" note="Pods bound to node01" />
      <Box x={20} y={150} w={160} h={50} title="/etc/kubernetes/" note="manifests (static Pods)" dashed />
      <Box x={230} y={80} w={150} h={60} title="kubelet" note="reconciles Pods" fill="#e6f4ea" stroke={GREEN} />
      <Arrow x1={182} y1={60} x2={226} y2={100} id="kl-arrow" />
      <Arrow x1={182} y1={170} x2={226} y2={125} id="kl-arrow" />
      <Label x={190} y={48}>
        watch; status, mirror Pods
      </Label>
      <Box x={430} y={80} w={130} h={60} title="containerd" note="CRI runtime" />
      <Arrow x1={382} y1={110} x2={426} y2={110} id="kl-arrow" />
      <Label x={388} y={100}>
        CRI
      </Label>
      <Box x={600} y={20} w={150} h={230} fill="#f6f8fa" stroke={GREY} dashed />
      <Label x={612} y={40} bold>
        Pod sandbox
      </Label>
      <Box x={615} y={55} w={120} h={40} title="pause" note="network namespace" />
      <Box x={615} y={105} w={120} h={40} title="container web" />
      <Box x={615} y={155} w={120} h={40} title="container …" />
      <Arrow x1={562} y1={110} x2={611} y2={110} id="kl-arrow" />
      <Box x={430} y={190} w={130} h={40} title="crictl" note="CRI client" fill="#eef3fd" />
      <Arrow x1={495} y1={188} x2={495} y2={144} id="kl-arrow" />
    </Diagram>
  );
}
