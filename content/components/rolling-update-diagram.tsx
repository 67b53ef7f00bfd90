// The Deployments lesson's diagram: a rolling update moves Pods from the old ReplicaSet to the new
// one a few at a time (4 replicas, maxSurge 25% → 1 extra, maxUnavailable 25% → 1 down).
import { Box, Diagram, GREEN, Label } from './svg-parts';

const STAGES = [
  { old: 4, next: 0, note: 'start' },
  { old: 3, next: 2, note: 'surge 1, 1 old down' },
  { old: 1, next: 3, note: 'new Pods ready' },
  { old: 0, next: 4, note: 'done; old RS kept at 0' },
];

function Pods({ x, y, n, color }: { x: number; y: number; n: number; color: string }) {
  return (
    <g>
      {Array.from({ length: n }, (_, i) => (
        <rect key={i} x={x + i * 26} y={y} width={20} height={20} rx={4} fill={color} />
      ))}
    </g>
  );
}

export function RollingUpdateDiagram() {
  return (
    <Diagram
      width={760}
      height={250}
      title="A rolling update"
      desc="A Deployment with 4 replicas moves from the ReplicaSet running nginx 1.26 to a new ReplicaSet running nginx 1.27 in stages, never dropping below 3 available Pods or going above 5 Pods."
      caption="Deployment web, 4 replicas: the old ReplicaSet (1.26, blue) scales down as the new one (1.27, green) scales up."
    >
      <Box x={20} y={10} w={720} h={40} title="Deployment web: replicas 4, strategy RollingUpdate (maxSurge 25%, maxUnavailable 25%)" />
      <Label x={20} y={92} bold>
        RS web-…(1.26)
      </Label>
      <Label x={20} y={142} bold>
        RS web-…(1.27)
      </Label>
      {STAGES.map((s, i) => {
        const x = 160 + i * 150;
        return (
          <g key={i}>
            <Pods x={x} y={78} n={s.old} color="#326ce5" />
            <Pods x={x} y={128} n={s.next} color={GREEN} />
            <Label x={x} y={185}>
              {`${i + 1}. ${s.note}`}
            </Label>
          </g>
        );
      })}
      <Label x={20} y={228}>
        kubectl rollout undo scales the old ReplicaSet back up and makes its template the newest revision.
      </Label>
    </Diagram>
  );
}
