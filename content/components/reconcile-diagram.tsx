// The controllers lesson's diagram: the reconcile loop (observe, compare, act) and the chain of
// owners Deployment → ReplicaSet → Pods, each level kept by its own controller.
import { Arrow, ArrowHead, Box, Diagram, GREEN, GREY, Label } from './svg-parts';

export function ReconcileDiagram() {
  return (
    <Diagram
      width={760}
      height={300}
      title="Controllers reconcile desired and actual state"
      desc="Left: the reconcile loop. A controller watches the API server, compares an object's spec with what exists, and creates, updates or deletes objects to close the gap, then waits for the next change. Right: the chain of owners. The Deployment controller keeps a ReplicaSet per Pod template and sets its replicas; the ReplicaSet controller keeps that many Pods; each Pod's ownerReferences names its ReplicaSet, and the garbage collector deletes objects whose owner is gone."
      caption="Every controller runs the same loop on its own kind; owner references chain them together."
    >
      <ArrowHead id="rec-arrow" />
      <Box x={20} y={20} w={300} h={260} fill="#f6f8fa" stroke={GREY} dashed />
      <Label x={34} y={42} bold>
        the reconcile loop
      </Label>
      <Box x={95} y={60} w={150} h={44} title="observe" note="watch the API" />
      <Box x={195} y={140} w={110} h={44} title="compare" note="spec vs status" />
      <Box x={35} y={140} w={110} h={44} title="act" note="create / delete" fill="#e6f4ea" stroke={GREEN} />
      <Arrow x1={230} y1={106} x2={250} y2={136} id="rec-arrow" />
      <Arrow x1={193} y1={162} x2={149} y2={162} id="rec-arrow" />
      <Arrow x1={90} y1={136} x2={120} y2={108} id="rec-arrow" />
      <Label x={34} y={220}>
        Level-triggered: it compares whole states,
      </Label>
      <Label x={34} y={238}>
        so a missed event is fixed on the next pass.
      </Label>
      <Box x={350} y={20} w={390} h={260} fill="#f6f8fa" stroke={GREY} dashed />
      <Label x={364} y={42} bold>
        the chain of owners
      </Label>
      <Box x={380} y={60} w={160} h={44} title="Deployment shop" note="replicas: 3" fill="#eef3fd" />
      <Box x={380} y={140} w={160} h={44} title="ReplicaSet shop-84f…" note="replicas: 3" fill="#eef3fd" />
      <Arrow x1={460} y1={106} x2={460} y2={136} id="rec-arrow" />
      <Label x={556} y={82}>
        Deployment controller
      </Label>
      <Label x={556} y={162}>
        ReplicaSet controller
      </Label>
      {[0, 1, 2].map((i) => (
        <Box key={i} x={370 + i * 120} y={220} w={110} h={40} title={`Pod ${i + 1}`} note="ownerRef: RS" />
      ))}
      {[0, 1, 2].map((i) => (
        <Arrow key={i} x1={460} y1={186} x2={425 + i * 120} y2={216} id="rec-arrow" />
      ))}
    </Diagram>
  );
}
