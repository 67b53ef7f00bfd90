// The RBAC lesson's diagram: a subject, a binding and a role; a RoleBinding grants in its own
// namespace, a ClusterRoleBinding everywhere.
import { Arrow, ArrowHead, Box, Diagram, GREEN, Label } from './svg-parts';

export function RbacDiagram() {
  return (
    <Diagram
      width={760}
      height={250}
      title="Subjects, bindings and roles"
      desc="The ServiceAccount deploy-bot in namespace ci is named as a subject by the RoleBinding deployer-binding in namespace ci, which refers to the Role deployer allowing create, get, list and update on deployments. The request create deployments in ci is allowed; the same request in namespace default is not, since the binding grants only in ci. Below, a ClusterRoleBinding grants the ClusterRole pod-reader to the user jane in every namespace."
      caption="A binding grants a role's rules to subjects: a RoleBinding in its namespace, a ClusterRoleBinding everywhere."
    >
      <ArrowHead id="rbac-arrow" />
      <rect x={10} y={10} width={740} height={110} rx={10} fill="#f6f8fa" stroke="#d0d7de" />
      <Label x={22} y={30} bold>
        namespace ci
      </Label>
      <Box x={30} y={45} w={190} h={56} title="ServiceAccount" note="deploy-bot" fill="#eef3fd" />
      <Box x={285} y={45} w={190} h={56} title="RoleBinding" note="deployer-binding" />
      <Box x={540} y={45} w={190} h={56} title="Role deployer" note="create get list update deployments" />
      <Arrow x1={283} y1={73} x2={224} y2={73} id="rbac-arrow" />
      <Arrow x1={477} y1={73} x2={536} y2={73} id="rbac-arrow" />
      <Label x={226} y={64} size={11}>
        subjects
      </Label>
      <Label x={480} y={64} size={11}>
        roleRef
      </Label>
      <Label x={30} y={145} color={GREEN}>
        can-i create deployments -n ci: yes
      </Label>
      <Label x={330} y={145}>
        -n default: no (the binding grants only in ci)
      </Label>
      <Box x={30} y={170} w={190} h={56} title="User" note="jane" fill="#eef3fd" />
      <Box x={285} y={170} w={190} h={56} title="ClusterRoleBinding" note="jane-reads-pods" />
      <Box x={540} y={170} w={190} h={56} title="ClusterRole pod-reader" note="get list watch pods" />
      <Arrow x1={283} y1={198} x2={224} y2={198} id="rbac-arrow" />
      <Arrow x1={477} y1={198} x2={536} y2={198} id="rbac-arrow" />
      <Label x={30} y={244}>
        in every namespace
      </Label>
    </Diagram>
  );
}
