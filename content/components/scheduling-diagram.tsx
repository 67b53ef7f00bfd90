// The scheduling lesson's diagram: a new Pod passes the scheduler's filters (nodeSelector,
// taints) node by node; the nodes left are scored and the best one is bound.
import { Arrow, ArrowHead, Box, Diagram, GREEN, GREY, Label } from './svg-parts';

const RED = '#cf222e';

function Node({ x, name, labels, taint, verdict, fits }: { x: number; name: string; labels: string; taint: string; verdict: string; fits: boolean }) {
  return (
    <g>
      <Box x={x} y={170} w={220} h={110} fill={fits ? '#e6f4ea' : '#f6f8fa'} stroke={fits ? GREEN : GREY} dashed={!fits} />
      <Label x={x + 12} y={192} bold>
        {name}
      </Label>
      <Label x={x + 12} y={214}>
        {`labels: ${labels}`}
      </Label>
      <Label x={x + 12} y={234}>
        {`taints: ${taint}`}
      </Label>
      <Label x={x + 12} y={264} bold color={fits ? GREEN : RED}>
        {verdict}
      </Label>
    </g>
  );
}

export function SchedulingDiagram() {
  return (
    <Diagram
      width={760}
      height={300}
      title="How the scheduler picks a node"
      desc="A Pending Pod with nodeSelector disktype=ssd and no tolerations goes to kube-scheduler. The control-plane node is filtered out by its NoSchedule taint, node02 by its dedicated=gpu taint, and node01 has the disktype=ssd label and no taint, so it fits; the scheduler binds the Pod to node01 and its kubelet starts it."
      caption="Filter, then score: every node the Pod cannot run on is dropped, the best of the rest is bound."
    >
      <ArrowHead id="sched-arrow" />
      <Box x={40} y={20} w={220} h={60} title="Pod fast (Pending)" note="nodeSelector: disktype=ssd" fill="#eef3fd" />
      <Box x={440} y={20} w={260} h={60} title="kube-scheduler" note="filter nodes, score the rest, bind" />
      <Arrow x1={262} y1={50} x2={436} y2={50} id="sched-arrow" />
      <Label x={300} y={42}>
        watches unbound Pods
      </Label>
      <Arrow x1={570} y1={82} x2={370} y2={166} id="sched-arrow" />
      <Label x={480} y={130}>
        binds spec.nodeName
      </Label>
      <Node x={20} name="controlplane" labels="(no disktype)" taint="control-plane:NoSchedule" verdict="✗ taint not tolerated" fits={false} />
      <Node x={270} name="node01" labels="disktype=ssd" taint="none" verdict="✓ fits: Pod runs here" fits />
      <Node x={520} name="node02" labels="(no disktype)" taint="dedicated=gpu:NoSchedule" verdict="✗ selector and taint" fits={false} />
    </Diagram>
  );
}
