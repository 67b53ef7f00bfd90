// The architecture lesson's diagram: control plane and worker nodes, and who talks to whom.
// Inline SVG (no image files), readable by screen readers through <title> and <desc>.
const box = { rx: 8, strokeWidth: 1.5 };

function Component({ x, y, w, name, note, fill = '#ffffff' }: { x: number; y: number; w: number; name: string; note: string; fill?: string }) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={52} fill={fill} stroke="#326ce5" {...box} />
      <text x={x + w / 2} y={y + 22} textAnchor="middle" fontSize="14" fontWeight="600" fill="#1b1f24">
        {name}
      </text>
      <text x={x + w / 2} y={y + 40} textAnchor="middle" fontSize="11" fill="#57606a">
        {note}
      </text>
    </g>
  );
}

function WorkerNode({ x, label }: { x: number; label: string }) {
  return (
    <g>
      <rect x={x} y={330} width={330} height={200} fill="#f6f8fa" stroke="#8c959f" {...box} strokeDasharray="6 4" />
      <text x={x + 14} y={352} fontSize="13" fontWeight="700" fill="#57606a">
        {label}
      </text>
      <Component x={x + 15} y={365} w={145} name="kubelet" note="runs the node's pods" />
      <Component x={x + 170} y={365} w={145} name="kube-proxy" note="Service rules" />
      <Component x={x + 15} y={430} w={300} name="container runtime" note="containerd / CRI-O: pulls images, runs containers" />
      <rect x={x + 15} y={494} width={92} height={26} rx={13} fill="#e6f4ea" stroke="#1a7f37" />
      <text x={x + 61} y={511} textAnchor="middle" fontSize="11" fill="#1a7f37">
        pod
      </text>
      <rect x={x + 119} y={494} width={92} height={26} rx={13} fill="#e6f4ea" stroke="#1a7f37" />
      <text x={x + 165} y={511} textAnchor="middle" fontSize="11" fill="#1a7f37">
        pod
      </text>
    </g>
  );
}

const arrow = { stroke: '#326ce5', strokeWidth: 1.5, markerEnd: 'url(#arrowhead)' } as const;

export function ArchitectureDiagram() {
  return (
    <figure className="diagram">
      <svg viewBox="0 0 760 550" role="img" aria-labelledby="arch-title arch-desc">
        <title id="arch-title">Kubernetes cluster architecture</title>
        <desc id="arch-desc">
          The control plane holds kube-apiserver, etcd, kube-scheduler, kube-controller-manager and cloud-controller-manager. Every component talks
          only to kube-apiserver, which alone reads and writes etcd. Each worker node runs a kubelet, kube-proxy and a container runtime that runs the
          pods. kubectl is a client of kube-apiserver.
        </desc>
        <defs>
          <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#326ce5" />
          </marker>
        </defs>
        <rect x={10} y={10} width={740} height={290} fill="#eef3fd" stroke="#326ce5" {...box} />
        <text x={24} y={32} fontSize="13" fontWeight="700" fill="#326ce5">
          Control plane
        </text>
        <Component x={30} y={45} w={220} name="kube-scheduler" note="picks a node for each pod" />
        <Component x={270} y={45} w={220} name="kube-controller-manager" note="Deployments, ReplicaSets, Nodes…" />
        <Component x={510} y={45} w={220} name="cloud-controller-manager" note="load balancers, cloud nodes" />
        <Component x={270} y={170} w={220} name="kube-apiserver" note="the front door: the REST API" fill="#dde7fb" />
        <Component x={550} y={170} w={180} name="etcd" note="the cluster's state" />
        <line x1={140} y1={97} x2={300} y2={167} {...arrow} />
        <line x1={380} y1={97} x2={380} y2={167} {...arrow} />
        <line x1={620} y1={97} x2={460} y2={167} {...arrow} />
        <line x1={490} y1={196} x2={547} y2={196} {...arrow} />
        <text x={30} y={200} fontSize="13" fill="#1b1f24">
          kubectl (you)
        </text>
        <line x1={115} y1={196} x2={267} y2={196} {...arrow} />
        <text x={24} y={285} fontSize="11" fill="#57606a">
          Components watch and write through the API server, never to each other; only the API server talks to etcd.
        </text>
        <WorkerNode x={10} label="Node 1" />
        <WorkerNode x={420} label="Node 2" />
        <line x1={95} y1={365} x2={320} y2={225} {...arrow} />
        <line x1={505} y1={365} x2={440} y2={225} {...arrow} />
      </svg>
      <figcaption>A cluster: one control plane, two worker nodes. Arrows show who calls whom.</figcaption>
    </figure>
  );
}
