// Requests from inside pods through `kubectl exec` (golden transcripts; UPDATE_GOLDEN=1 rewrites
// them): a Service by name and by FQDN, a pod IP, names that do not resolve, a Calico default-deny
// that makes wget and curl time out in simulated time, an allow rule for one client, and the same
// policies doing nothing under Flannel.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../kubectl/testing.js';
import type { Engine } from '../engine.js';
import { create, webCluster } from '../network/scenario.test-util.js';
import type { ExecNetwork } from './container-net.js';
import { execInContainer } from './index.js';

const golden = (name: string) => fileURLToPath(new URL(`./__golden__/${name}.txt`, import.meta.url));
const PODS = { group: '', version: 'v1', resource: 'pods', namespace: 'default' };

function clientPod(engine: Engine, name: string, image = 'busybox', labels: Record<string, string> = { run: name }): void {
  const command = image === 'busybox' ? ['sleep', '3600'] : undefined;
  create(engine, '', 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name, image, command }] } });
}

function policy(engine: Engine, name: string, spec: Record<string, unknown>): void {
  create(engine, 'networking.k8s.io', 'networkpolicies', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: 'default' }, spec });
}

function podIP(engine: Engine, name: string): string {
  return (engine.api.get({ ...PODS, name }).status as { podIP: string }).podIP;
}

/** `kubectl exec <pod> -- <argv>` without a tty: its stdout, stderr, exit code and the simulated time it took. */
async function exec(engine: Engine, pod: string, argv: string[]): Promise<string> {
  const net: ExecNetwork = { api: engine.api, clock: engine.clock, random: engine.random, cluster: engine, sleep: async (ms) => engine.advance(ms) };
  let stdout = '';
  let stderr = '';
  const start = engine.clock.now();
  const target = engine.api.get({ ...PODS, name: pod });
  const { exitCode } = await execInContainer(engine.api, target, pod, argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), tty: false }, net);
  const took = engine.clock.now() - start;
  return `$ kubectl exec ${pod} -- ${argv.map((a) => (/[\s|']/.test(a) ? `'${a}'` : a)).join(' ')}\n${stdout}${stderr ? `[stderr]\n${stderr}` : ''}[exit ${exitCode}, ${took} ms]\n\n`;
}

async function transcript(engine: Engine, steps: Array<[string, string[]]>): Promise<string> {
  let out = '';
  for (const [pod, argv] of steps) out += await exec(engine, pod, argv);
  return out;
}

function clusterWithClients(cni: 'calico' | 'flannel'): Engine {
  const engine = webCluster({ cni });
  clientPod(engine, 'client');
  clientPod(engine, 'other');
  clientPod(engine, 'web-shell', 'nginx:1.27');
  engine.advance(10_000);
  return engine;
}

const DENY_ALL = { podSelector: {}, policyTypes: ['Ingress'] };
const ALLOW_CLIENT = { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { run: 'client' } } }], ports: [{ port: 80 }] }] };

describe('requests from inside a pod', () => {
  it('reach a Service by name and FQDN and a pod IP; unknown names fail with the real texts', async () => {
    const engine = clusterWithClients('calico');
    const echoPod = engine.api.list(PODS).items.find((p) => p.metadata.labels?.app === 'echo')!.metadata.name!;
    const out = await transcript(engine, [
      ['client', ['wget', '-qO-', 'http://web']],
      ['client', ['wget', '-O-', 'http://web.default.svc.cluster.local']],
      ['client', ['wget', '-qO-', `http://${podIP(engine, echoPod)}:8080`]],
      ['client', ['sh', '-c', 'wget -qO- http://echo | grep hello']],
      ['client', ['wget', '-qO-', 'http://nope']],
      ['client', ['wget', '-qO-', 'http://empty']],
      ['client', ['nc', '-zv', 'web', '80']],
      ['client', ['nc', '-zv', '-w', '1', 'web', '81']],
      ['client', ['nc', '-zvv', 'empty', '80']],
      ['client', ['nc', '-zv', 'empty', '80']],
      ['web-shell', ['curl', '-s', 'http://echo']],
      ['web-shell', ['curl', 'http://echo.default']],
      ['web-shell', ['curl', '-sS', 'http://nope']],
      ['web-shell', ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'http://web/missing']],
    ]);
    expectGolden(golden('exec-requests'), out);
  });

  it('Calico: a default-deny times out in simulated time; an allow rule lets one client through', async () => {
    const engine = clusterWithClients('calico');
    policy(engine, 'default-deny', DENY_ALL);
    let out = await transcript(engine, [
      ['client', ['wget', '-T', '5', '-qO-', 'http://web']],
      ['client', ['wget', '-O-', 'http://web']],
      ['web-shell', ['curl', '-m', '5', 'http://echo']],
      ['web-shell', ['curl', '--connect-timeout', '3', '-s', 'http://echo']],
      ['client', ['nc', '-zv', '-w', '2', 'web', '80']],
    ]);
    policy(engine, 'web-allow-client', ALLOW_CLIENT);
    out += await transcript(engine, [
      ['client', ['sh', '-c', 'wget -T 2 -qO- http://web | head -4']],
      ['other', ['wget', '-T', '2', '-qO-', 'http://web']],
    ]);
    // An egress policy without rules also drops other's DNS queries to CoreDNS.
    policy(engine, 'other-no-egress', { podSelector: { matchLabels: { run: 'other' } }, policyTypes: ['Egress'] });
    out += await transcript(engine, [['other', ['wget', '-T', '2', '-qO-', 'http://web']]]);
    expectGolden(golden('exec-requests-calico'), out);
  });

  it('Flannel: the same policies block nothing', async () => {
    const engine = clusterWithClients('flannel');
    policy(engine, 'default-deny', DENY_ALL);
    const out = await transcript(engine, [
      ['other', ['wget', '-T', '5', '-qO-', 'http://web']],
      ['web-shell', ['curl', '-m', '5', '-s', 'http://echo']],
    ]);
    expect(out).not.toContain('timed out');
    expectGolden(golden('exec-requests-flannel'), out);
  });

  it('waits with the exec streams\' sleep when the network has none; holds later output until then', async () => {
    const engine = clusterWithClients('calico');
    policy(engine, 'default-deny', DENY_ALL);
    const target = engine.api.get({ ...PODS, name: 'client' });
    const seen: string[] = [];
    const start = engine.clock.now();
    const net: ExecNetwork = { api: engine.api, clock: engine.clock, random: engine.random, cluster: engine };
    const sleep = async (ms: number) => (seen.push(`slept ${ms}`), engine.advance(ms));
    const io = { stdout: (t: string) => seen.push(`out ${t.trim()}`), stderr: (t: string) => seen.push(`err ${t.trim()}`), tty: false, sleep };
    const { exitCode } = await execInContainer(engine.api, target, 'client', ['sh', '-c', 'echo before; wget -T 3 -qO- http://web; echo after $?'], io, net);
    expect({ exitCode, took: engine.clock.now() - start, seen }).toEqual({ exitCode: 0, took: 3000, seen: ['out before', 'slept 3000', 'err wget: download timed out', 'out after 1'] });
  });

  it('an interactive shell (-it) holds the prompt and what is typed next until the request gives up', async () => {
    const engine = clusterWithClients('calico');
    policy(engine, 'default-deny', DENY_ALL);
    const target = engine.api.get({ ...PODS, name: 'client' });
    let screen = '';
    const start = engine.clock.now();
    let onData: (chunk: string) => void = () => undefined;
    let onEnd: () => void = () => undefined;
    const stdin = { onData: (cb: (chunk: Uint8Array | string) => void) => (onData = cb), onEnd: (cb: () => void) => (onEnd = cb) };
    const net: ExecNetwork = { api: engine.api, clock: engine.clock, random: engine.random, cluster: engine, sleep: async (ms) => (screen += `<${ms} ms>`, engine.advance(ms)) };
    const done = execInContainer(engine.api, target, 'client', ['sh'], { stdin, stdout: (t) => (screen += t), stderr: (t) => (screen += t), tty: true }, net);
    onData('wget -T 2 -qO- http://web\recho $?\rexit\r');
    onEnd();
    const { exitCode } = await done;
    expect({ exitCode, took: engine.clock.now() - start, screen }).toEqual({
      exitCode: 0, // exit's status is the last command's: echo's
      took: 2000,
      screen: '/ # wget -T 2 -qO- http://web\r\n<2000 ms>wget: download timed out\r\n/ # echo $?\r\n1\r\n/ # exit\r\n',
    });
  });
});
