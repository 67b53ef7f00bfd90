// The NetworkPolicy lesson's diagram: two nodes with their Pod CIDRs, Pods reaching each other by
// IP without NAT, a default-deny that isolates the web Pods, and the one rule that lets the
// frontend in; the same policies under Flannel block nothing.
import { Arrow, ArrowHead, Box, Diagram, GREEN, GREY, Label } from './svg-parts';

const RED = '#cf222e';

export function NetworkPolicyDiagram() {
  return (
    <Diagram
      width={760}
      height={310}
      title="NetworkPolicy: a flat Pod network, then isolation"
      desc="node01 (Pod CIDR 10.244.1.0/24) runs the frontend Pod 10.244.1.4 and the other Pod 10.244.1.5; node02 (10.244.2.0/24) runs the web Pod 10.244.2.6. Without policies every Pod reaches every Pod by IP, across nodes, without NAT. A default-deny policy isolates the web Pod; the allow-frontend rule lets role=frontend in on port 80, so the frontend gets the page while the other Pod's packets are dropped and its wget times out. Calico enforces this; Flannel stores the policies but enforces nothing."
      caption="Policies select Pods and only ever add what is allowed; the CNI plugin is what enforces them (Calico yes, Flannel no)."
    >
      <ArrowHead id="np-arrow" />
      <Box x={20} y={20} w={300} h={200} title="node01" note="Pod CIDR 10.244.1.0/24" fill="#f6f8fa" stroke={GREY} />
      <Box x={40} y={70} w={260} h={50} title="frontend  role=frontend" note="10.244.1.4" fill="#eef3fd" />
      <Box x={40} y={150} w={260} h={50} title="other  role=other" note="10.244.1.5" fill="#eef3fd" />
      <Box x={440} y={20} w={300} h={200} title="node02" note="Pod CIDR 10.244.2.0/24" fill="#f6f8fa" stroke={GREY} />
      <Box x={470} y={95} w={240} h={60} title="web  app=web  :80" note="10.244.2.6 — isolated by default-deny" fill="#e6f4ea" stroke={GREEN} />
      <Arrow x1={302} y1={95} x2={466} y2={115} id="np-arrow" />
      <Label x={330} y={92} color={GREEN}>
        allowed: from role=frontend, port 80
      </Label>
      <line x1={302} y1={175} x2={440} y2={140} stroke={RED} strokeWidth={2} strokeDasharray="5 4" />
      <Label x={330} y={192} color={RED}>
        dropped: wget: download timed out
      </Label>
      <Label x={20} y={250} bold>
        Source IP seen by web: 10.244.1.4 — Pod to Pod, no NAT
      </Label>
      <Label x={20} y={275}>
        Calico, Cilium, Weave enforce NetworkPolicy. Flannel only connects Pods: the same policies change nothing.
      </Label>
    </Diagram>
  );
}
