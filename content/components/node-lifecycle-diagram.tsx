// The node maintenance lesson's diagram: a planned drain (cordon, evict, replace elsewhere) next
// to an unplanned failure (lease stops, NotReady after 40 s, unreachable taint, eviction at 300 s).
import { Arrow, ArrowHead, Box, Diagram, GREEN, GREY, Label } from './svg-parts';

const RED = '#cf222e';

function Stage({ x, y, title, note, bad = false }: { x: number; y: number; title: string; note: string; bad?: boolean }) {
  return <Box x={x} y={y} w={160} h={48} title={title} note={note} fill={bad ? '#fff1f0' : '#eef3fd'} stroke={bad ? RED : undefined} />;
}

export function NodeLifecycleDiagram() {
  return (
    <Diagram
      width={760}
      height={290}
      title="Planned and unplanned node outages"
      desc="Top row, planned: kubectl drain cordons the node, evicts its Pods through the Eviction API respecting PodDisruptionBudgets, the controllers create replacements on other nodes, and after maintenance kubectl uncordon makes the node schedulable again. Bottom row, unplanned: the kubelet stops renewing its Lease; after 40 seconds the node lifecycle controller marks the node NotReady (Unknown) and taints it unreachable NoExecute; after the Pods' 300 second toleration they are evicted and replaced elsewhere."
      caption="Drain moves Pods before the node goes away; after a failure the control plane waits about five minutes before it gives up on them."
    >
      <ArrowHead id="node-arrow" />
      <Label x={20} y={28} bold color={GREEN}>
        planned: kubectl drain
      </Label>
      <Stage x={20} y={40} title="cordon" note="spec.unschedulable: true" />
      <Stage x={205} y={40} title="evict Pods" note="Eviction API, PDBs" />
      <Stage x={390} y={40} title="replacements" note="created on other nodes" />
      <Stage x={575} y={40} title="uncordon" note="after maintenance" />
      {[0, 1, 2].map((i) => (
        <Arrow key={i} x1={182 + i * 185} y1={64} x2={201 + i * 185} y2={64} id="node-arrow" />
      ))}
      <line x1={20} y1={130} x2={740} y2={130} stroke={GREY} strokeDasharray="4 4" />
      <Label x={20} y={162} bold color={RED}>
        unplanned: the node dies
      </Label>
      <Stage x={20} y={175} title="Lease not renewed" note="kubelet silent" bad />
      <Stage x={205} y={175} title="NotReady (Unknown)" note="after 40 s" bad />
      <Stage x={390} y={175} title="unreachable taint" note="NoExecute" bad />
      <Stage x={575} y={175} title="Pods evicted" note="after 300 s toleration" bad />
      {[0, 1, 2].map((i) => (
        <Arrow key={i} x1={182 + i * 185} y1={199} x2={201 + i * 185} y2={199} id="node-arrow" />
      ))}
      <Label x={20} y={260}>
        StatefulSet Pods are not replaced until the node is confirmed gone: their identity must stay unique.
      </Label>
    </Diagram>
  );
}
