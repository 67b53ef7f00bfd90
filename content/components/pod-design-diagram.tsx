// The multi-container Pods lesson's diagram: the order in which a Pod's containers start and stop,
// and which probe does what.
import { Arrow, ArrowHead, Box, Diagram, GREEN, GREY, Label } from './svg-parts';

export function PodDesignDiagram() {
  return (
    <Diagram
      width={760}
      height={250}
      title="Init containers, sidecars and probes"
      desc="Time runs from left to right. First the init container prepare runs and exits with code 0. Then the sidecar shipper, an init container with restartPolicy Always, starts and keeps running. Then the application container web starts; its startup probe must succeed before the readiness and liveness probes begin. The readiness probe decides whether the Pod receives Service traffic; a failing liveness probe restarts the container. When the Pod ends, web stops first and the sidecar after it."
      caption="Init containers run to the end one after another; a sidecar starts before the app and stops after it."
    >
      <ArrowHead id="pod-arrow" />
      <Box x={20} y={30} w={150} h={50} title="prepare" note="init: runs, exits 0" fill="#e6f4ea" stroke={GREEN} />
      <Box x={190} y={90} w={550} h={50} title="shipper" note="sidecar (init, restartPolicy: Always): runs beside web" fill="#eef3fd" />
      <Box x={330} y={150} w={360} h={50} title="web" note="startup probe first, then readiness and liveness" />
      <Arrow x1={20} y1={225} x2={740} y2={225} id="pod-arrow" />
      <Label x={740} y={245} anchor="end">
        time
      </Label>
      <Label x={20} y={20} size={11}>
        each init container must finish before the next starts
      </Label>
      <line x1={690} y1={150} x2={690} y2={215} stroke={GREY} strokeDasharray="4 4" />
      <Label x={686} y={215} anchor="end" size={11}>
        web stops first, then shipper
      </Label>
    </Diagram>
  );
}
