// The storage lesson's diagram: Pod → PVC → PV, made by hand (static) or by a StorageClass's
// provisioner (dynamic), and a StatefulSet's claim per replica.
import { Arrow, ArrowHead, Box, Diagram, GREEN, GREY, Label } from './svg-parts';

export function StorageDiagram() {
  return (
    <Diagram
      width={760}
      height={300}
      title="Pods, claims and volumes"
      desc="A Pod mounts a PersistentVolumeClaim by name. The persistentvolume controller binds the claim to a PersistentVolume: either one an administrator created by hand with a matching class, access mode and size, or one the StorageClass's provisioner creates on demand. A StatefulSet creates one claim per replica from its volumeClaimTemplates: data-db-0 for db-0 and data-db-1 for db-1."
      caption="Pods name claims, claims bind to volumes; a StorageClass makes volumes on demand."
    >
      <ArrowHead id="sto-arrow" />
      <Box x={20} y={30} w={150} h={50} title="Pod" note="volumes: claimName" fill="#eef3fd" />
      <Box x={230} y={30} w={170} h={50} title="PersistentVolumeClaim" note="500Mi, RWO, class" fill="#e6f4ea" stroke={GREEN} />
      <Box x={470} y={30} w={170} h={50} title="PersistentVolume" note="1Gi, cluster-scoped" />
      <Arrow x1={172} y1={55} x2={226} y2={55} id="sto-arrow" />
      <Arrow x1={402} y1={55} x2={466} y2={55} id="sto-arrow" />
      <Label x={412} y={45}>
        bound
      </Label>
      <Box x={470} y={120} w={170} h={50} title="StorageClass" note="provisioner, binding mode" dashed />
      <Arrow x1={555} y1={118} x2={555} y2={84} id="sto-arrow" />
      <Label x={650} y={100}>
        dynamic:
      </Label>
      <Label x={650} y={116}>
        creates the PV
      </Label>
      <Label x={650} y={60}>
        static: an
      </Label>
      <Label x={650} y={76}>
        admin made it
      </Label>
      <line x1={20} y1={195} x2={740} y2={195} stroke={GREY} strokeDasharray="4 4" />
      <Box x={20} y={215} w={150} h={56} title="StatefulSet db" note="volumeClaimTemplates: data" fill="#eef3fd" />
      {[0, 1].map((i) => (
        <g key={i}>
          <Box x={230 + i * 250} y={215} w={90} h={56} title={`db-${i}`} note="Pod" />
          <Box x={330 + i * 250} y={215} w={120} h={56} title={`data-db-${i}`} note="its own PVC" fill="#e6f4ea" stroke={GREEN} />
        </g>
      ))}
      <Arrow x1={172} y1={243} x2={226} y2={243} id="sto-arrow" />
    </Diagram>
  );
}
