// Real kubectl `create <subcommand>`: typed clients that POST protobuf bodies.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createLabEngine } from '../lab-engine.js';
import { CompatCluster, realKubectlAvailable } from './harness.js';

const START = Date.parse('2026-01-01T00:00:00Z');

const CREATES: Array<[string, string[]]> = [
  ['create-namespace', ['create', 'namespace', 'team-a']],
  ['create-configmap', ['create', 'configmap', 'settings', '--from-literal=mode=fast', '--from-literal=level=3']],
  ['create-secret-generic', ['create', 'secret', 'generic', 'creds', '--from-literal=password=hunter2']],
  ['create-service-clusterip', ['create', 'service', 'clusterip', 'api', '--tcp=443:8443']],
  ['create-service-nodeport', ['create', 'service', 'nodeport', 'np', '--tcp=80:8080', '--node-port=30080']],
  ['create-job', ['create', 'job', 'once', '--image=busybox:1.36', '--', 'echo', 'hi']],
  ['create-cronjob', ['create', 'cronjob', 'tick', '--image=busybox:1.36', '--schedule=*/5 * * * *', '--', 'date']],
  ['create-role', ['create', 'role', 'reader', '--verb=get,list,watch', '--resource=pods']],
  ['create-rolebinding', ['create', 'rolebinding', 'reader-binding', '--role=reader', '--user=alice']],
  ['create-clusterrole', ['create', 'clusterrole', 'node-reader', '--verb=get,list', '--resource=nodes']],
  ['create-clusterrolebinding', ['create', 'clusterrolebinding', 'node-reader-binding', '--clusterrole=node-reader', '--serviceaccount=default:default']],
  ['create-quota', ['create', 'quota', 'small', '--hard=pods=10,requests.cpu=2']],
  ['create-pdb', ['create', 'pdb', 'web-pdb', '--selector=app=web', '--min-available=1']],
  ['create-priorityclass', ['create', 'priorityclass', 'high', '--value=1000', '--description=important']],
  ['create-ingress', ['create', 'ingress', 'site', '--rule=example.com/=api:443']],
  ['create-serviceaccount', ['create', 'serviceaccount', 'builder']],
  ['create-secret-docker-registry', ['create', 'secret', 'docker-registry', 'regcred', '--docker-server=registry.example.com', '--docker-username=me', '--docker-password=pw']],
  ['create-deployment-for-hpa', ['create', 'deployment', 'api', '--image=nginx:1.27']],
  ['autoscale', ['autoscale', 'deployment', 'api', '--min=2', '--max=5', '--cpu-percent=80']],
];

describe.runIf(realKubectlAvailable())('real kubectl: create subcommands', () => {
  let c: CompatCluster;
  beforeAll(async () => {
    c = await CompatCluster.start(createLabEngine({ now: START }));
  });
  afterAll(() => c?.close());

  for (const [golden, args] of CREATES) it(args.slice(0, 3).join(' '), () => c.expect(golden, args));
  it('get the created objects', () => c.expect('get-created', ['get', 'cm,secret,svc,job,cronjob,role,rolebinding,quota,pdb,ingress,sa']));
  it('get hpa -o yaml', () => c.expect('get-hpa-yaml', ['get', 'hpa', 'api', '-o', 'yaml']));
  it('create token (a TokenRequest on the serviceaccounts/token subresource)', async () => {
    const r = await c.kubectl(['create', 'token', 'builder']);
    if (r.code !== 0 || !/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n?$/.test(r.stdout)) throw new Error(`create token: ${r.code} ${r.stdout} ${r.stderr}`);
  });
  it('create deployment with kubectl 1.27 and 1.33', async () => {
    await c.expect('create-deployment-1.27', ['create', 'deployment', 'old', '--image=nginx'], { version: '1.27' });
    await c.expect('create-deployment-1.33', ['create', 'deployment', 'new', '--image=nginx'], { version: '1.33' });
  });
});
