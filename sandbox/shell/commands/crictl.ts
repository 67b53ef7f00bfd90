// crictl on a node: containers, pod sandboxes and images from the node's simulated containerd
// (the kubelet's runtime state), laid out as crictl 1.32 prints them.
import { containerLogs } from '../../engine/cluster.js';
import type { ContainerRecord, PodRecord } from '../../engine/kubelet/runtime-state.js';
import type { CommandFn } from '../interpreter.js';
import { handlesOf, humanDuration, idFor, nodeOf, table, type NodeHost } from './node-common.js';

interface Row {
  id: string;
  image: string;
  createdAt: number;
  state: 'Running' | 'Exited' | 'Created';
  name: string;
  attempt: number;
  pod: PodRecord;
}

const splitKey = (key: string) => (key.includes('/') ? key.split('/') : ['', key]) as [string, string];
const short = (id: string) => id.slice(0, 13);

function containerRows(pods: PodRecord[]): Row[] {
  const rows: Row[] = [];
  for (const pod of pods) {
    for (const c of pod.containers) {
      if (c.containerID) rows.push({ id: c.containerID, image: c.image, createdAt: c.startedAt ?? pod.seenAt, state: stateOf(c), name: c.name, attempt: c.restartCount, pod });
      for (const t of [c.lastTerminated, c.previousTerminated]) {
        if (t && t.containerID !== c.containerID) rows.push({ id: t.containerID, image: c.image, createdAt: t.startedAt, state: 'Exited', name: c.name, attempt: Math.max(0, c.restartCount - (t === c.lastTerminated ? 1 : 2)), pod });
      }
    }
  }
  return rows.sort((a, b) => b.createdAt - a.createdAt);
}

function stateOf(c: ContainerRecord): Row['state'] {
  if (c.phase === 'running') return 'Running';
  if (c.phase === 'creating') return 'Created';
  return 'Exited';
}

const imageRef = (image: string) => {
  const withRegistry = image.includes('/') && /[.:]/.test(image.split('/')[0]) ? image : `docker.io/${image.includes('/') ? image : `library/${image}`}`;
  const at = withRegistry.lastIndexOf(':');
  return at > withRegistry.lastIndexOf('/') ? { repo: withRegistry.slice(0, at), tag: withRegistry.slice(at + 1) } : { repo: withRegistry, tag: 'latest' };
};

export function crictl(host: NodeHost): CommandFn {
  return ({ args, io, shell }) => {
    const rt = handlesOf(host)?.kubelet.nodes[nodeOf(shell)];
    const now = shell.host.now();
    const pods = Object.values(rt?.pods ?? {});
    const [sub, ...rest] = args.filter((a) => !a.startsWith('--runtime-endpoint') && !a.startsWith('-r='));
    const flags = new Set(rest.filter((a) => a.startsWith('-')));
    const positional = rest.filter((a) => !a.startsWith('-'));
    switch (sub) {
      case 'ps': {
        const all = flags.has('-a') || flags.has('--all');
        const rows = containerRows(pods).filter((r) => all || r.state === 'Running');
        if (flags.has('-q') || flags.has('--quiet')) return io.out(rows.map((r) => r.id + '\n').join('')), 0;
        const header = ['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE'];
        io.out(table([header, ...rows.map((r) => [short(r.id), short(idFor(imageRef(r.image).repo + ':' + imageRef(r.image).tag)), `${humanDuration(now - r.createdAt)} ago`, r.state, r.name, String(r.attempt), short(idFor(r.pod.uid)), splitKey(r.pod.key)[1], splitKey(r.pod.key)[0]])]));
        return 0;
      }
      case 'pods': {
        const rows = [...pods].sort((a, b) => b.seenAt - a.seenAt);
        if (flags.has('-q') || flags.has('--quiet')) return io.out(rows.map((p) => idFor(p.uid) + '\n').join('')), 0;
        const header = ['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME'];
        io.out(table([header, ...rows.map((p) => [short(idFor(p.uid)), `${humanDuration(now - p.seenAt)} ago`, p.killing ? 'NotReady' : 'Ready', splitKey(p.key)[1], splitKey(p.key)[0], '0', '(default)'])]));
        return 0;
      }
      case 'images':
      case 'img': {
        const refs = [...new Set(rt?.images ?? [])].map(imageRef).sort((a, b) => (a.repo + a.tag < b.repo + b.tag ? -1 : 1));
        if (flags.has('-q') || flags.has('--quiet')) return io.out(refs.map((r) => `sha256:${idFor(`${r.repo}:${r.tag}`)}\n`).join('')), 0;
        io.out(table([['IMAGE', 'TAG', 'IMAGE ID', 'SIZE'], ...refs.map((r) => [r.repo, r.tag, short(idFor(`${r.repo}:${r.tag}`)), imageSize(r.repo)])]));
        return 0;
      }
      case 'logs':
      case 'inspect': {
        const id = positional[0];
        if (!id) {
          io.err(`crictl ${sub}: ID cannot be empty\n`);
          return 1;
        }
        const row = containerRows(pods).find((r) => r.id.startsWith(id));
        if (!row) {
          io.err(`E1101 09:00:00.000000    4242 remote_runtime.go:432] "ContainerStatus from runtime service failed" err="rpc error: code = NotFound desc = an error occurred when try to find container \\"${id}\\": not found" containerID="${id}"\nFATA[0000] rpc error: code = NotFound desc = an error occurred when try to find container "${id}": not found\n`);
          return 1;
        }
        if (sub === 'inspect') return io.out(inspectJson(row) + '\n'), 0;
        const [namespace, name] = splitKey(row.pod.key);
        const text = logsOf(host, namespace, name, row);
        io.out(text ?? '');
        return 0;
      }
      case undefined:
      case '--help':
      case 'help':
        io.out('NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options]\n\nCOMMANDS:\n   images, image, img  List images\n   inspect             Display the status of one or more containers\n   logs                Fetch the logs of a container\n   pods                List pods\n   ps                  List containers\n');
        return 0;
      default:
        io.err(`No help topic for '${sub}'\n`);
        return 3;
    }
  };
}

/** The container's log as the node keeps it (the instance a row names when it is the current one). */
function logsOf(host: NodeHost, namespace: string, name: string, row: Row): string | undefined {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name, uid: row.pod.uid } };
  const current = row.pod.containers.find((c) => c.containerID === row.id);
  return host.cluster ? containerLogs(host.cluster, pod as never, row.name, { previous: !current }) : undefined;
}

function inspectJson(r: Row): string {
  const [namespace, name] = splitKey(r.pod.key);
  const status = {
    status: {
      id: r.id,
      metadata: { attempt: r.attempt, name: r.name },
      state: r.state === 'Running' ? 'CONTAINER_RUNNING' : r.state === 'Created' ? 'CONTAINER_CREATED' : 'CONTAINER_EXITED',
      image: { image: r.image },
      labels: { 'io.kubernetes.container.name': r.name, 'io.kubernetes.pod.name': name, 'io.kubernetes.pod.namespace': namespace, 'io.kubernetes.pod.uid': r.pod.uid },
      logPath: `/var/log/pods/${namespace}_${name}_${r.pod.uid}/${r.name}/${r.attempt}.log`,
    },
  };
  return JSON.stringify(status, null, 2);
}

/** Sizes crictl shows for the images learners meet; others get a plausible size. */
function imageSize(repo: string): string {
  const known: Record<string, string> = { 'docker.io/library/nginx': '72.1MB', 'docker.io/library/busybox': '2.16MB', 'registry.k8s.io/pause': '320kB', 'registry.k8s.io/etcd': '57.7MB', 'registry.k8s.io/kube-apiserver': '28.7MB', 'registry.k8s.io/kube-controller-manager': '26.3MB', 'registry.k8s.io/kube-scheduler': '20.4MB', 'registry.k8s.io/kube-proxy': '30.9MB', 'registry.k8s.io/coredns/coredns': '18.6MB' };
  return known[repo] ?? '10.2MB';
}
