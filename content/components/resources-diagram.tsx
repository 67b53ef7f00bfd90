// The resources lesson's diagram: the three QoS classes from requests and limits, and what
// happens at a memory limit (OOMKilled) versus a CPU limit (throttled).
import { Box, Diagram, GREEN, GREY, Label } from './svg-parts';

const RED = '#cf222e';

export function ResourcesDiagram() {
  return (
    <Diagram
      width={760}
      height={260}
      title="Requests, limits and QoS classes"
      desc="Guaranteed: every container has CPU and memory limits equal to its requests; evicted last. Burstable: some requests or limits but not Guaranteed; evicted after BestEffort, those furthest over their requests first. BestEffort: no requests or limits; evicted first under node memory pressure. Separately, a container using more memory than its limit is OOMKilled with exit code 137 and restarted, while a container at its CPU limit is only throttled."
      caption="Requests place Pods, limits cap them; together they set the QoS class that orders evictions."
    >
      <Box x={20} y={20} w={230} h={90} title="Guaranteed" note="limits = requests, CPU and memory" fill="#e6f4ea" stroke={GREEN} />
      <Box x={265} y={20} w={230} h={90} title="Burstable" note="some requests or limits" fill="#eef3fd" />
      <Box x={510} y={20} w={230} h={90} title="BestEffort" note="no requests, no limits" fill="#fff1f0" stroke={RED} />
      <Label x={30} y={135}>
        evicted last
      </Label>
      <Label x={275} y={135}>
        evicted by how far over requests
      </Label>
      <Label x={520} y={135}>
        evicted first under memory pressure
      </Label>
      <line x1={20} y1={155} x2={740} y2={155} stroke={GREY} strokeDasharray="4 4" />
      <Box x={20} y={175} w={350} h={60} title="memory over the limit" note="OOMKilled, exit code 137, restarted (CrashLoopBackOff)" fill="#fff1f0" stroke={RED} />
      <Box x={390} y={175} w={350} h={60} title="CPU at the limit" note="throttled: slower, never killed" />
    </Diagram>
  );
}
