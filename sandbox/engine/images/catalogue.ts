// The simulated registry: which images exist, how big they are, what their digests are, which
// ports they serve and what they log when they start. Behaviour is data (like kwok's stages):
// the kubelet reads it, nothing here runs. Sizes and digests are representative of the real
// images (docker.io, linux/amd64); tags not listed do not exist, as on the real registry.
import { familiarName, parseImageRef, type ImageRef } from './reference.js';

/** What the image's default process does once started. */
export type ProcessBehaviour =
  | { kind: 'serve' } // a long-running server: runs until stopped
  | { kind: 'exit'; code: number; afterMs: number }; // e.g. busybox's `sh` with no tty exits at once

export interface ImageSpec {
  /** Repository as users write it: 'nginx', 'registry.k8s.io/etcd'. */
  name: string;
  /** Existing tags; the first is what `latest` resolves to when 'latest' is not listed itself. */
  tags: string[];
  /** Compressed size the kubelet reports in the Pulled event. */
  sizeBytes: number;
  /** Manifest-list digest (imageID): 'sha256:…'. */
  digest: string;
  ports: Array<{ port: number; protocol: 'TCP' | 'UDP' }>;
  /** Log lines the default process writes at start; see images/log-lines.ts for placeholders. */
  startLog: string[];
  process: ProcessBehaviour;
  /** How long the process takes to exit on SIGTERM; undefined: it ignores SIGTERM (PID 1 shell). */
  stopOnTermMs?: number;
  /** Health endpoints (any path answers 200 ok) that the component's probes call. */
  healthPorts?: number[];
}

const nginxLog = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
  '{nginxTime} [notice] 1#1: using the "epoll" event method',
  '{nginxTime} [notice] 1#1: nginx/1.27.3',
  '{nginxTime} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
  '{nginxTime} [notice] 1#1: OS: Linux {kernel}',
  '{nginxTime} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
  '{nginxTime} [notice] 1#1: start worker processes',
  '{nginxTime} [notice] 1#1: start worker process 29',
  '{nginxTime} [notice] 1#1: start worker process 30',
];

const httpdLog = [
  "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message",
  "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message",
  '[{apacheTime}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations',
  "[{apacheTime}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
];

const redisLog = [
  '1:C {redisTime} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
  '1:C {redisTime} * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started',
  '1:C {redisTime} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
  '1:M {redisTime} * monotonic clock: POSIX clock_gettime',
  '1:M {redisTime} * Running mode=standalone, port=6379.',
  '1:M {redisTime} * Server initialized',
  '1:M {redisTime} * Ready to accept connections tcp',
];

const hpaExampleLog = [
  "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message",
  "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using {podIP}. Set the 'ServerName' directive globally to suppress this message",
  '[{apacheTime}] [mpm_prefork:notice] [pid 1] AH00163: Apache/2.4.10 (Debian) PHP/5.6.14 configured -- resuming normal operations',
  "[{apacheTime}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'",
];

const serve = { kind: 'serve' } as const;
const shellExits = { kind: 'exit', code: 0, afterMs: 0 } as const;

export const IMAGES: ImageSpec[] = [
  { name: 'nginx', tags: ['latest', '1.27', '1.27.3', 'alpine', '1.26', '1.25', 'stable', '1.14.2', '1.16.1'], sizeBytes: 72099410, digest: 'sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a', ports: [{ port: 80, protocol: 'TCP' }], startLog: nginxLog, process: serve, stopOnTermMs: 80 },
  { name: 'httpd', tags: ['latest', '2.4', '2.4.62', 'alpine'], sizeBytes: 58157424, digest: 'sha256:72f6e2ab6a3e1a5e2e4c1b0ec6b1e4b4c0c5ed7e0a1f8d6cfc4a4b3f65a1b7e2', ports: [{ port: 80, protocol: 'TCP' }], startLog: httpdLog, process: serve, stopOnTermMs: 1000 },
  { name: 'busybox', tags: ['latest', '1.37', '1.36', '1.28', 'stable'], sizeBytes: 2166802, digest: 'sha256:2919d0172f7524b2d8df9e50066a682669e6d170ac0f6a49676d54358fe970b5', ports: [], startLog: [], process: shellExits },
  { name: 'registry.k8s.io/busybox', tags: ['latest', '1.27.2', '1.24'], sizeBytes: 1144547, digest: 'sha256:545e6a6310a27636260920bc07b994a299b6708a1b26910cfefd335fdfb60d2b', ports: [], startLog: [], process: shellExits },
  { name: 'alpine', tags: ['latest', '3.21', '3.20', '3.19', '3'], sizeBytes: 3641715, digest: 'sha256:21dc6063fd678b478f57c0e13f47560d0ea4eeba26dfc947b2a4f81f686b9f45', ports: [], startLog: [], process: shellExits },
  // Request tools learners start with `kubectl run tmp --rm -it --image=… -- sh`: curl's images run
  // curl as the entrypoint (no URL: usage, exit 2); netshoot's zsh exits without a terminal.
  { name: 'curlimages/curl', tags: ['latest', '8.11.1', '8.10.1'], sizeBytes: 12331018, digest: 'sha256:86dd4126aa6e7a5830031296372443946fced45dd829fbc3d52c83db83942dbe', ports: [], startLog: [], process: { kind: 'exit', code: 2, afterMs: 0 } },
  { name: 'alpine/curl', tags: ['latest', '8.11.1'], sizeBytes: 7466512, digest: 'sha256:ecc3d20cbe3353ceabe128f5af29c88870bc464caee5b4c98e5deb1e3cb21229', ports: [], startLog: [], process: { kind: 'exit', code: 2, afterMs: 0 } },
  { name: 'nicolaka/netshoot', tags: ['latest', 'v0.13'], sizeBytes: 183711823, digest: 'sha256:872b1fe19d861136af23822a28f60a160c674b0ca15797a0d0063928ec5aff9a', ports: [], startLog: [], process: shellExits },
  { name: 'redis', tags: ['latest', '7', '7.4', '7.4.1', 'alpine'], sizeBytes: 45061263, digest: 'sha256:ea96c435dc17b011f54c6a883c3c45e7726242b075de61c6fe40a10ae6ae0f83', ports: [{ port: 6379, protocol: 'TCP' }], startLog: redisLog, process: serve, stopOnTermMs: 300 },
  { name: 'hashicorp/http-echo', tags: ['latest', '1.0', '1.0.0', '0.2.3'], sizeBytes: 4165542, digest: 'sha256:fcb75f691c8b0414d670ae570240cbf95502cc18a9ba57e982ecac589760a186', ports: [{ port: 5678, protocol: 'TCP' }], startLog: [], process: serve, stopOnTermMs: 10 },
  // The docs' resource and autoscaling examples (assign-memory-resource, assign-cpu-resource, the HPA walkthrough).
  { name: 'polinux/stress', tags: ['latest', '1.0.4'], sizeBytes: 4041495, digest: 'sha256:b6144f84f9c15dac80deb48d3a646b55c7043ab1d83ea0a697c09097aaad21aa', ports: [], startLog: [], process: serve, stopOnTermMs: 20 },
  { name: 'vish/stress', tags: ['latest'], sizeBytes: 1603380, digest: 'sha256:b6456a3df6db5e063e1783153627947484a3db387be99e49708c70a9a15e7177', ports: [], startLog: [], process: serve, stopOnTermMs: 20 },
  { name: 'registry.k8s.io/hpa-example', tags: ['latest'], sizeBytes: 176367409, digest: 'sha256:581697a37f0e136db86d6b30392f0db40ce99c8248a7044c770012f4e8491544', ports: [{ port: 80, protocol: 'TCP' }], startLog: hpaExampleLog, process: serve, stopOnTermMs: 1000 },
  { name: 'registry.k8s.io/metrics-server/metrics-server', tags: ['v0.7.2', 'v0.7.1', 'v0.8.0'], sizeBytes: 19494617, digest: 'sha256:ffcb2bf004d6aa0a17d90e0247cf94f2865c8901dcab4427034c341951c239f9', ports: [{ port: 10250, protocol: 'TCP' }], startLog: [], process: serve, stopOnTermMs: 100, healthPorts: [10250] },
  { name: 'registry.k8s.io/ingress-nginx/controller', tags: ['v1.12.0'], sizeBytes: 104347164, digest: 'sha256:e6b8de175acda6ca913891f0f727bca4527e797d52688cbe9fec9040d6f6b6fa', ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }, { port: 8443, protocol: 'TCP' }], startLog: [], process: serve, stopOnTermMs: 300, healthPorts: [10254] },
  { name: 'registry.k8s.io/pause', tags: ['3.10'], sizeBytes: 320368, digest: 'sha256:ee6521f290b2168b6e0935a181d4cff9be1ac3f505666ef0e3c98fae8199917a', ports: [], startLog: [], process: serve, stopOnTermMs: 0 },
  { name: 'registry.k8s.io/etcd', tags: ['3.5.16-0'], sizeBytes: 57680541, digest: 'sha256:c6a9d11cc5c04b114ccdef39a9265eeef818e3d02f5359be035ae784097fdec5', ports: [{ port: 2379, protocol: 'TCP' }], startLog: [], process: serve, stopOnTermMs: 200, healthPorts: [2381] },
  { name: 'registry.k8s.io/kube-apiserver', tags: ['v1.32.1'], sizeBytes: 28671624, digest: 'sha256:b88ede8e7c3ce354ca0c45c448c48c094781ce692883ee56f181fa569338c0ac', ports: [{ port: 6443, protocol: 'TCP' }], startLog: [], process: serve, stopOnTermMs: 500, healthPorts: [6443] },
  { name: 'registry.k8s.io/kube-controller-manager', tags: ['v1.32.1'], sizeBytes: 26258470, digest: 'sha256:7e86b2b274365bbc5f5d1e08f0d32d8bb04b8484ac6a92484c298dc695025954', ports: [], startLog: [], process: serve, stopOnTermMs: 200, healthPorts: [10257] },
  { name: 'registry.k8s.io/kube-scheduler', tags: ['v1.32.1'], sizeBytes: 20657536, digest: 'sha256:b8fcbcd2afe44acf368b24b61813686f64be4d7fff224d305d78a05bac38f72e', ports: [], startLog: [], process: serve, stopOnTermMs: 200, healthPorts: [10259] },
  { name: 'registry.k8s.io/kube-proxy', tags: ['v1.32.1'], sizeBytes: 30908485, digest: 'sha256:0244651801747edf2368222f93a7d17cba6e668a890db72532d6b67a7e06dca5', ports: [], startLog: [], process: serve, stopOnTermMs: 100, healthPorts: [10256] },
  { name: 'registry.k8s.io/coredns/coredns', tags: ['v1.11.3'], sizeBytes: 18562039, digest: 'sha256:9caabbf6238b189a65d0d6e6ac138de60d6a1c419e5a341fbbb7c78382559c6e', ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }, { port: 9153, protocol: 'TCP' }], startLog: [], process: serve, stopOnTermMs: 100, healthPorts: [8080, 8181] },
];

const byName = new Map(IMAGES.map((i) => [i.name, i]));

export interface ResolvedImage {
  spec: ImageSpec;
  ref: ImageRef;
}

/** The catalogue entry for an image reference, or undefined when the registry has no such image. */
export function resolveImage(image: string): ResolvedImage | undefined {
  const ref = parseImageRef(image);
  const spec = byName.get(familiarName(ref));
  if (!spec) return undefined;
  if (ref.digest) return ref.digest === spec.digest ? { spec, ref } : undefined;
  return spec.tags.includes(ref.tag ?? 'latest') ? { spec, ref } : undefined;
}

/** imageID as containerd reports it: 'docker.io/library/nginx@sha256:…'. */
export function imageId(resolved: ResolvedImage): string {
  return `${resolved.ref.domain}/${resolved.ref.path}@${resolved.spec.digest}`;
}
