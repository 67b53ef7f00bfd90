// The Services lesson's diagram: a client resolves a Service name with CoreDNS, connects to the
// ClusterIP, and kube-proxy's rules send it to one endpoint; a NodePort opens the same on nodes.
import { Arrow, ArrowHead, Box, Diagram, GREEN, GREY, Label } from './svg-parts';

export function ServicesDiagram() {
  return (
    <Diagram
      width={760}
      height={300}
      title="How a Service reaches its Pods"
      desc="A frontend Pod asks CoreDNS for backend, gets the Service's ClusterIP 10.96.0.20, and connects to it. kube-proxy's rules on the node pick one of the endpoints, the ready Pods whose labels match the Service selector app=backend, and forward the connection to that Pod's IP. From outside, a NodePort such as 30080 on any node leads to the same Service."
      caption="Selector → endpoints → kube-proxy rules: the ClusterIP is virtual, the rules on every node make it work."
    >
      <ArrowHead id="svc-arrow" />
      <Box x={20} y={30} w={150} h={50} title="frontend Pod" note="curl backend" fill="#eef3fd" />
      <Box x={20} y={130} w={150} h={50} title="CoreDNS" note="backend → 10.96.0.20" />
      <Arrow x1={95} y1={82} x2={95} y2={126} id="svc-arrow" />
      <Box x={250} y={30} w={200} h={50} title="Service backend" note="ClusterIP 10.96.0.20:80" fill="#e6f4ea" stroke={GREEN} />
      <Arrow x1={172} y1={55} x2={246} y2={55} id="svc-arrow" />
      <Box x={250} y={130} w={200} h={50} title="kube-proxy rules" note="on every node: pick an endpoint" />
      <Arrow x1={350} y1={82} x2={350} y2={126} id="svc-arrow" />
      <Label x={470} y={48}>
        selector: app=backend
      </Label>
      {[0, 1].map((i) => (
        <Box key={i} x={530 + i * 110} y={120} w={100} h={50} title="backend Pod" note={`10.244.${i + 1}.5`} fill="#eef3fd" />
      ))}
      <Arrow x1={452} y1={155} x2={526} y2={145} id="svc-arrow" />
      <Label x={530} y={195}>
        endpoints: ready Pods that match
      </Label>
      <line x1={20} y1={225} x2={740} y2={225} stroke={GREY} strokeDasharray="4 4" />
      <Box x={20} y={240} w={200} h={44} title="outside: node01:30080" note="NodePort" />
      <Arrow x1={222} y1={262} x2={300} y2={184} id="svc-arrow" />
      <Label x={320} y={262}>
        NodePort and LoadBalancer Services lead into the same rules
      </Label>
    </Diagram>
  );
}
