// The API server lesson's diagram: every client talks to kube-apiserver over HTTPS; a request
// passes authentication, authorization and admission before etcd; watches stream changes back.
import { Arrow, ArrowHead, Box, Diagram, GREEN, Label } from './svg-parts';

export function ApiServerDiagram() {
  return (
    <Diagram
      width={760}
      height={270}
      title="A request through the API server"
      desc="kubectl, kube-scheduler, kube-controller-manager and the kubelets are all clients of kube-apiserver over HTTPS. A request such as GET /api/v1/namespaces/default/pods passes authentication, authorization (RBAC) and, for writes, mutating and validating admission, and is then read from or written to etcd, which only the API server talks to. Clients watch for changes, and the API server streams them back."
      caption="One door: every component reads and writes the cluster's state through kube-apiserver, which alone talks to etcd."
    >
      <ArrowHead id="api-arrow" />
      {['kubectl', 'kube-scheduler', 'controller-manager', 'kubelets'].map((c, i) => (
        <Box key={c} x={20} y={20 + i * 58} w={150} h={44} title={c} fill="#eef3fd" />
      ))}
      {[0, 1, 2, 3].map((i) => (
        <Arrow key={i} x1={172} y1={42 + i * 58} x2={226} y2={130} id="api-arrow" />
      ))}
      <Box x={230} y={20} w={380} h={230} title="" fill="#f6f8fa" />
      <Label x={244} y={42} bold>
        kube-apiserver
      </Label>
      <Box x={250} y={60} w={160} h={40} title="authentication" note="certificate, token" />
      <Box x={430} y={60} w={160} h={40} title="authorization" note="RBAC" />
      <Box x={250} y={130} w={160} h={40} title="admission" note="mutate, validate" />
      <Box x={430} y={130} w={160} h={40} title="REST storage" note="/api, /apis/<group>" fill="#e6f4ea" stroke={GREEN} />
      <Arrow x1={412} y1={80} x2={426} y2={80} id="api-arrow" />
      <Arrow x1={510} y1={102} x2={340} y2={126} id="api-arrow" />
      <Arrow x1={412} y1={150} x2={426} y2={150} id="api-arrow" />
      <Label x={250} y={205}>
        watch: changes streamed back to clients
      </Label>
      <Box x={650} y={120} w={90} h={60} title="etcd" note="key-value" />
      <Arrow x1={592} y1={150} x2={646} y2={150} id="api-arrow" />
    </Diagram>
  );
}
