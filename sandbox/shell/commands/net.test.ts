// Golden transcripts of curl, wget, nslookup, dig and ping from the learner's shell on a default
// cluster (simulated time; the shell's waits advance the engine). Regenerate with UPDATE_GOLDEN=1.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../engine/engine.js';
import type { NetworkOptions } from '../../engine/network/options.js';
import { create, service, svcIP, webCluster } from '../../engine/network/scenario.test-util.js';
import { Shell, type CommandFn } from '../interpreter.js';
import { Interrupt, type CommandIO } from '../io.js';
import { Vfs } from '../vfs.js';
import { builtinCommands } from './builtins.js';
import { fileCommands } from './files.js';
import { textCommands } from './text.js';
import { netCommands } from './net.js';

function shellOn(engine: Engine) {
  const commands = new Map<string, CommandFn>([...Object.entries(builtinCommands), ...Object.entries(fileCommands), ...Object.entries(textCommands), ...Object.entries(netCommands({ api: engine.api, clock: engine.clock, cluster: engine }))]);
  const shell = new Shell({ fs: new Vfs(), commands, now: () => engine.clock.now(), sleep: async (ms) => engine.advance(ms) });
  return async (src: string, terminal = true) => {
    let out = '';
    const io: CommandIO = { stdin: '', stdinIsTerminal: true, stdoutIsTerminal: terminal, out: (s) => (out += s), err: (s) => (out += s), interrupt: new Interrupt() };
    const status = await shell.runSource(src, io);
    return `$ ${src}\n${out}[exit ${status}]\n`;
  };
}

function golden(name: string, text: string): void {
  const file = join(__dirname, '__golden__', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

async function transcript(engine: Engine, lines: Array<string | [string, boolean]>): Promise<string> {
  const run = shellOn(engine);
  let text = '';
  for (const l of lines) text += typeof l === 'string' ? await run(l) : await run(l[0], l[1]);
  return text;
}

const policy = (engine: Engine) =>
  create(engine, 'networking.k8s.io', 'networkpolicies', {
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'web-deny-all', namespace: 'default' },
    spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] },
  });

describe('network commands from the learner shell', () => {
  it('curl and wget reach ClusterIP, NodePort and LoadBalancer services', async () => {
    const engine = webCluster();
    const web = svcIP(engine, 'web');
    const text = await transcript(engine, [
      `curl http://${web}`,
      `curl -s -o /dev/null -w '%{http_code}\\n' ${web}/nope`,
      `curl -sI ${web}`,
      `curl -v ${svcIP(engine, 'echo')}`,
      'curl -s 172.30.1.3:30080 | grep title',
      'curl -s http://172.30.255.200/ | head -4',
      [`curl ${web} -o page.html`, false],
      `wget ${web}`,
      `wget -qO- ${svcIP(engine, 'echo')}`,
      `curl ${svcIP(engine, 'empty')}`,
      `wget ${svcIP(engine, 'empty')}`,
      'curl web',
      'curl -s web; echo $?',
      `curl -m 5 ${web}:8080`,
      `ping -c 2 ${web}`,
    ]);
    golden('curl-wget.txt', text);
  });

  it('nslookup and dig ask CoreDNS at 10.96.0.10; the node resolver does not know cluster.local', async () => {
    const engine = webCluster();
    service(engine, 'db', { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80 }] });
    service(engine, 'ext', { type: 'ExternalName', externalName: 'example.com' });
    const text = await transcript(engine, [
      'nslookup web',
      'nslookup web.default.svc.cluster.local 10.96.0.10',
      'nslookup kubernetes.default.svc.cluster.local 10.96.0.10',
      'nslookup foo.default.svc.cluster.local 10.96.0.10',
      'nslookup db.default.svc.cluster.local 10.96.0.10',
      'nslookup ext.default.svc.cluster.local 10.96.0.10',
      'nslookup node01',
      'dig +short @10.96.0.10 db.default.svc.cluster.local',
      'dig @10.96.0.10 web.default.svc.cluster.local',
      'nslookup 10-244-1-5.default.pod.cluster.local 10.96.0.10',
    ]);
    golden('nslookup-dig.txt', text);
  });

  it('a lab that points the nodes at CoreDNS resolves short names from the shell', async () => {
    const engine = webCluster({ nodeUsesClusterDns: true });
    const text = await transcript(engine, ['curl -s web | grep "<h1>"', 'curl -s web.default | grep "<h1>"', 'nslookup web', 'wget -qO- echo.default.svc.cluster.local']);
    golden('cluster-dns.txt', text);
  });

  for (const cni of ['calico', 'flannel'] as Array<NetworkOptions['cni']>) {
    it(`a deny-all NetworkPolicy on the web pods ${cni === 'calico' ? 'drops traffic under Calico' : 'is ignored by Flannel'}`, async () => {
      const engine = webCluster({ cni });
      policy(engine);
      const web = svcIP(engine, 'web');
      const text = await transcript(engine, [`curl -s -o /dev/null -w '%{http_code}\\n' ${web}`, `curl --max-time 3 ${web}`, `curl -sS ${web} | wc -c`]);
      golden(`policy-${cni}.txt`, text);
    });
  }
});
