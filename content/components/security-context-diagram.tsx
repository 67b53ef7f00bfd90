// The security contexts lesson's diagram: Pod-level settings apply to every container, a
// container's own settings add to them and win where both set a field.
import { Box, Diagram, Label } from './svg-parts';

export function SecurityContextDiagram() {
  return (
    <Diagram
      width={760}
      height={220}
      title="Pod and container security contexts"
      desc="The Pod's securityContext sets runAsUser 1000, runAsGroup 3000, fsGroup 2000 and runAsNonRoot true for every container. The container app's own securityContext adds allowPrivilegeEscalation false, readOnlyRootFilesystem true and drops all capabilities. Where both levels set the same field, the container's value wins for that container."
      caption="Pod-level settings apply to every container; a container's own settings win where both set a field."
    >
      <rect x={10} y={10} width={740} height={200} rx={10} fill="#f6f8fa" stroke="#d0d7de" />
      <Label x={24} y={32} bold>
        Pod secure-pod — spec.securityContext
      </Label>
      <Label x={24} y={52}>
        runAsUser: 1000 · runAsGroup: 3000 · fsGroup: 2000 · runAsNonRoot: true
      </Label>
      <Box x={40} y={75} w={680} h={110} fill="#ffffff" />
      <Label x={56} y={98} bold>
        container app — containers[0].securityContext
      </Label>
      <Label x={56} y={120}>
        allowPrivilegeEscalation: false · readOnlyRootFilesystem: true · capabilities.drop: [ALL]
      </Label>
      <Label x={56} y={150}>
        runs as uid 1000, gid 3000, extra group 2000;
      </Label>
      <Label x={56} y={170}>
        a runAsUser set here too would win for this container
      </Label>
    </Diagram>
  );
}
