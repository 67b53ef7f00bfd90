// The ConfigMaps and Secrets lesson's diagram: one ConfigMap and one Secret reaching a container
// as environment variables (read at start) and as files in a volume (updated later).
import { Arrow, ArrowHead, Box, Diagram, Label } from './svg-parts';

export function ConfigDiagram() {
  return (
    <Diagram
      width={760}
      height={230}
      title="ConfigMaps and Secrets in a Pod"
      desc="The ConfigMap app-config with keys APP_MODE and APP_PORT becomes environment variables of the container through envFrom; they are read when the container starts. The Secret db-credentials with keys username and password is mounted as a volume at /etc/db, one file per key; the kubelet updates the files some time after the Secret changes."
      caption="Keys become environment variables (fixed at start) or files in a volume (updated later)."
    >
      <ArrowHead id="config-arrow" />
      <Box x={20} y={30} w={200} h={60} title="ConfigMap app-config" note="APP_MODE, APP_PORT" fill="#eef3fd" />
      <Box x={20} y={130} w={200} h={60} title="Secret db-credentials" note="username, password (base64)" fill="#fdf3e6" stroke="#bc4c00" />
      <rect x={330} y={15} width={410} height={195} rx={10} fill="#f6f8fa" stroke="#d0d7de" />
      <Label x={345} y={35} bold>
        Pod config-pod, container web
      </Label>
      <Box x={350} y={50} w={370} h={50} title="env: APP_MODE=production APP_PORT=8080" note="read once, when the container starts" />
      <Box x={350} y={140} w={370} h={50} title="/etc/db/username  /etc/db/password" note="secret volume (tmpfs), updated after changes" />
      <Arrow x1={222} y1={60} x2={346} y2={75} id="config-arrow" />
      <Arrow x1={222} y1={160} x2={346} y2={165} id="config-arrow" />
      <Label x={240} y={55} size={11}>
        envFrom
      </Label>
      <Label x={240} y={152} size={11}>
        volume
      </Label>
    </Diagram>
  );
}
