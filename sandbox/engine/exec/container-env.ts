// What a process started by `kubectl exec` sees inside a simulated container: the image's
// distribution (busybox, alpine or Debian), its environment (the container's env, the service
// links of the namespace, PATH/HOSTNAME/HOME), its files and its processes. Plain data, derived
// from the pod and the namespace's Services each time, so nothing needs snapshotting.
import type { KubeObject } from '../objects.js';
import { serviceLinks } from '../kubelet/container-config.js';

export type Distro = 'busybox' | 'alpine' | 'debian';

export interface ContainerEnv {
  podName: string;
  distro: Distro;
  /** Programs on $PATH besides the shell's builtins (Debian's nginx has no `ps`). */
  programs: Set<string>;
  env: Record<string, string>;
  files: Record<string, string>;
  /** `ps` lines: PID and command of the main process and its children. */
  processes: Array<{ pid: number; command: string }>;
  /** Directories besides those of files: mount points, mkdir. */
  dirs?: string[];
  /** Called after the shell writes a file (emptyDir mounts keep what is written). */
  onWrite?(path: string, content: string): void;
  /** Who the process runs as (securityContext runAsUser/runAsGroup, fsGroup, supplementalGroups). */
  user: { uid: number; gid: number; groups: number[] };
}

/** What the kubelet fixed when it started the container: its env and its volumes' files. */
export interface StartedContainer {
  env?: Record<string, string>;
  files?: Record<string, string>;
  user?: { uid: number; gid: number; groups: number[] };
  dirs?: string[];
  onWrite?(path: string, content: string): void;
}

interface ContainerSpec {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: Array<{ name: string; value?: string }>;
}

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const COMMON = ['ls', 'cat', 'echo', 'env', 'printenv', 'hostname', 'pwd', 'true', 'false', 'sleep', 'id', 'whoami', 'uname', 'date', 'mkdir', 'touch', 'head', 'tail', 'grep', 'wc'];

export function distroOf(image: string): Distro {
  const repo = image.split('@')[0];
  const [name, tag = 'latest'] = repo.split('/').pop()!.split(':');
  if (name === 'busybox') return 'busybox';
  // curlimages/curl, alpine/curl and nicolaka/netshoot are Alpine-based.
  if (name === 'alpine' || name === 'curl' || name === 'netshoot' || tag.includes('alpine')) return 'alpine';
  return 'debian';
}

function imageEnv(distro: Distro, image: string): Record<string, string> {
  if (!image.split('/').pop()!.startsWith('nginx')) return {};
  return { NGINX_VERSION: '1.27.3', NJS_VERSION: '0.8.7', NJS_RELEASE: '1~bookworm', PKG_RELEASE: distro === 'debian' ? '1~bookworm' : '1' };
}

const OS_RELEASE: Record<Distro, string> = {
  busybox: '',
  alpine: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.0\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
  debian: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
};

const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

function files(pod: KubeObject, distro: Distro, image: string): Record<string, string> {
  const status = pod.status as { podIP?: string } | undefined;
  const ns = pod.metadata.namespace ?? 'default';
  const out: Record<string, string> = {
    '/etc/hostname': `${pod.metadata.name}\n`,
    '/etc/hosts': `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${status?.podIP ?? ''}\t${pod.metadata.name}\n`,
    '/etc/resolv.conf': `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
    '/var/run/secrets/kubernetes.io/serviceaccount/namespace': ns,
  };
  if (OS_RELEASE[distro]) out['/etc/os-release'] = OS_RELEASE[distro];
  if (image.split('/').pop()!.startsWith('nginx')) {
    out['/usr/share/nginx/html/index.html'] = NGINX_INDEX;
    out['/usr/share/nginx/html/50x.html'] = '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n';
    out['/etc/nginx/conf.d/default.conf'] = 'server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n';
  }
  return out;
}

function processes(c: ContainerSpec): Array<{ pid: number; command: string }> {
  const custom = [...(c.command ?? []), ...(c.args ?? [])];
  if (custom.length) return [{ pid: 1, command: custom.join(' ') }];
  if (c.image?.split('/').pop()!.startsWith('nginx')) return [{ pid: 1, command: 'nginx: master process nginx -g daemon off;' }, { pid: 29, command: 'nginx: worker process' }];
  return [{ pid: 1, command: 'sh' }];
}

export function containerEnv(pod: KubeObject, containerName: string, services: KubeObject[], started: StartedContainer = {}): ContainerEnv {
  const spec = pod.spec as { containers?: ContainerSpec[]; initContainers?: ContainerSpec[]; hostname?: string };
  const c = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].find((x) => x.name === containerName) ?? { name: containerName };
  const image = c.image ?? '';
  const distro = distroOf(image);
  // The kubelet's env (service links, env, envFrom) over the image's, as the runtime merges them.
  const kubelet: Record<string, string> = started.env ?? { ...serviceLinks(services), ...Object.fromEntries((c.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!])) };
  const user = started.user ?? { uid: 0, gid: 0, groups: [0] };
  const env: Record<string, string> = { PATH, HOSTNAME: pod.metadata.name ?? '', ...imageEnv(distro, image), ...kubelet, HOME: user.uid === 0 ? '/root' : '/' };
  const programs = new Set([...COMMON, 'sh', ...(distro === 'debian' ? ['bash'] : ['ps', 'top', 'wget', 'nslookup', 'ping', 'vi'])]);
  if (image.split('/').pop()!.startsWith('nginx')) programs.add('nginx').add('curl');
  // A mount hides what the image has under its directory.
  const own = Object.entries(files(pod, distro, image)).filter(([path]) => !(started.dirs ?? []).some((d) => path.startsWith(d + '/')));
  return { podName: pod.metadata.name ?? '', distro, programs, env, files: { ...Object.fromEntries(own), ...started.files }, processes: processes(c), user, dirs: started.dirs, onWrite: started.onWrite };
}
