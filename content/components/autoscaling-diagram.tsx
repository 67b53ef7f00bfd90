// The autoscaling lesson's diagram: kubelet → metrics-server → Metrics API → HPA controller →
// Deployment replicas, with the replica formula.
import { Arrow, ArrowHead, Box, Diagram, GREEN, Label } from './svg-parts';

export function AutoscalingDiagram() {
  return (
    <Diagram
      width={760}
      height={250}
      title="The HorizontalPodAutoscaler's loop"
      desc="Each kubelet measures its Pods' CPU and memory. metrics-server scrapes the kubelets and serves the numbers through the Metrics API, which kubectl top also reads. Every 15 seconds the HPA controller in kube-controller-manager reads the average utilization of the target's Pods, relative to their CPU requests, computes desired replicas as the ceiling of current replicas times current over target utilization, and writes the Deployment's replicas; scale-down waits for a 5 minute stabilization window."
      caption="desired = ceil(current replicas × current utilization ÷ target utilization), every 15 seconds."
    >
      <ArrowHead id="hpa-arrow" />
      <Box x={20} y={40} w={140} h={56} title="kubelets" note="Pod CPU, memory" />
      <Box x={210} y={40} w={150} h={56} title="metrics-server" note="scrapes every 15 s" />
      <Box x={410} y={40} w={150} h={56} title="HPA controller" note="every 15 s" fill="#e6f4ea" stroke={GREEN} />
      <Box x={610} y={40} w={130} h={56} title="Deployment" note="spec.replicas" fill="#eef3fd" />
      <Arrow x1={162} y1={68} x2={206} y2={68} id="hpa-arrow" />
      <Arrow x1={362} y1={68} x2={406} y2={68} id="hpa-arrow" />
      <Arrow x1={562} y1={68} x2={606} y2={68} id="hpa-arrow" />
      <Label x={368} y={120}>
        Metrics API (kubectl top)
      </Label>
      <Box x={410} y={150} w={330} h={70} title="2 Pods at 150% of 200m requested, target 50%" note="ceil(2 × 150 ÷ 50) = 6 replicas (capped by maxReplicas)" />
      <Label x={20} y={140}>
        Utilization is relative to the Pod's
      </Label>
      <Label x={20} y={158}>
        CPU request: no request, no scaling.
      </Label>
      <Label x={20} y={196}>
        Up: at once. Down: after the highest
      </Label>
      <Label x={20} y={214}>
        recommendation of the last 5 minutes.
      </Label>
    </Diagram>
  );
}
