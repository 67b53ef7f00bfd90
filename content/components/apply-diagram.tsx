// The imperative-vs-declarative lesson's diagram: commands that say what to do, versus a file
// that `kubectl apply` compares with the live object and its last-applied configuration.
import { Arrow, ArrowHead, Box, Diagram, Label } from './svg-parts';

export function ApplyDiagram() {
  return (
    <Diagram
      width={760}
      height={260}
      title="Imperative commands and kubectl apply"
      desc="Imperative commands such as kubectl create, scale and set each send one change to the API server. kubectl apply reads a file, compares it with the live object and the last-applied annotation, and sends only the difference as a patch."
      caption="Imperative: each command is one change. Declarative: apply computes the change from the file, the last-applied annotation and the live object."
    >
      <ArrowHead id="apply-arrow" />
      <Label x={20} y={24} bold>
        Imperative
      </Label>
      <Box x={20} y={36} w={200} h={34} title="kubectl create deployment" />
      <Box x={20} y={78} w={200} h={34} title="kubectl scale --replicas=5" />
      <Arrow x1={222} y1={74} x2={508} y2={74} id="apply-arrow" />
      <Label x={360} y={66} anchor="middle">
        one request per command
      </Label>
      <Label x={20} y={150} bold>
        Declarative
      </Label>
      <Box x={20} y={162} w={140} h={52} title="api.yaml" note="desired state" fill="#fff8c5" />
      <Arrow x1={162} y1={188} x2={218} y2={188} id="apply-arrow" />
      <Box x={220} y={150} w={220} h={76} title="kubectl apply -f" note="file ⟷ last-applied ⟷ live" />
      <Arrow x1={442} y1={188} x2={508} y2={120} id="apply-arrow" />
      <Label x={468} y={176}>
        patch: only
      </Label>
      <Label x={468} y={191}>
        the difference
      </Label>
      <Box x={510} y={40} w={230} h={110} title="kube-apiserver" note="stores the live object in etcd" />
      <Label x={625} y={138} anchor="middle">
        annotation: last-applied-configuration
      </Label>
    </Diagram>
  );
}
