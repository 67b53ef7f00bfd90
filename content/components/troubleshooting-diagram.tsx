// The troubleshooting lesson's diagram: a decision path from symptom to the command that shows
// the cause, for the common Pod states and for a Service without endpoints.
import { Arrow, ArrowHead, Box, Diagram, Label } from './svg-parts';

const ROWS: [symptom: string, look: string, cause: string][] = [
  ['Pending', 'describe pod → FailedScheduling', 'selector, taint, resources, PVC'],
  ['ImagePullBackOff', 'describe pod → Failed to pull', 'image name or tag, registry auth'],
  ['CrashLoopBackOff', 'logs --previous, describe', 'the app exits; probes; OOMKilled'],
  ['Running, not Ready', 'describe pod → readiness probe', 'probe path or port, app not up'],
  ['Service: no answer', 'get endpoints', 'selector ≠ labels, targetPort'],
];

export function TroubleshootingDiagram() {
  return (
    <Diagram
      width={760}
      height={300}
      title="From symptom to cause"
      desc="Five symptoms with where to look and the usual causes. Pending: kubectl describe pod shows FailedScheduling; causes are node selectors, taints, insufficient resources or unbound claims. ImagePullBackOff: describe shows the failed pull; causes are the image name or tag or registry credentials. CrashLoopBackOff: kubectl logs --previous and describe; the application exits, a liveness probe kills it, or it is OOMKilled. Running but not Ready: describe shows the readiness probe failing. A Service that answers nothing: kubectl get endpoints; the selector does not match the Pods' labels or the targetPort is wrong."
      caption="Read the status, then the events or logs it points to; the cause is almost always written there."
    >
      <ArrowHead id="ts-arrow" />
      <Label x={20} y={24} bold>
        symptom
      </Label>
      <Label x={240} y={24} bold>
        where to look
      </Label>
      <Label x={520} y={24} bold>
        usual causes
      </Label>
      {ROWS.map(([symptom, look, cause], i) => {
        const y = 36 + i * 52;
        return (
          <g key={symptom}>
            <Box x={20} y={y} w={180} h={40} title={symptom} fill="#eef3fd" />
            <Arrow x1={202} y1={y + 20} x2={236} y2={y + 20} id="ts-arrow" />
            <Box x={240} y={y} w={250} h={40} title={look} />
            <Arrow x1={492} y1={y + 20} x2={516} y2={y + 20} id="ts-arrow" />
            <Label x={522} y={y + 25}>
              {cause}
            </Label>
          </g>
        );
      })}
    </Diagram>
  );
}
