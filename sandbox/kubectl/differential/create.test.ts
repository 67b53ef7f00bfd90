// Differential: `kubectl create <generator>` (configmap, secret generic|tls|docker-registry,
// service clusterip|nodeport|loadbalancer|externalname, deployment, job, cronjob, namespace,
// serviceaccount, role, rolebinding, clusterrole, clusterrolebinding, quota, priorityclass,
// poddisruptionbudget, ingress): client and server dry-run output (-o json in Go field order,
// -o yaml), the flags' errors, and API errors as each generator wraps them.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Differential, realKubectlAvailable } from './harness.js';
import { TLS_CERT, TLS_KEY } from './create-fixtures.js';

const FILES = { 'f.txt': 'hello\n', 'e.env': 'A=1\n# c\nB=two\n', 'c.pem': TLS_CERT, 'k.pem': TLS_KEY };

/** Client-side generation: no object is written. */
const GENERATED = [
  'kubectl create configmap c1 --from-literal=b=2 --from-literal=a=1 --dry-run=client -o json',
  'kubectl create configmap c1 --from-literal=a --dry-run=client -o yaml',
  'kubectl create cm c2 --from-file=f.txt --from-file=k=f.txt --dry-run=client -o yaml',
  'kubectl create configmap c3 --from-env-file=e.env -n x --dry-run=client -o json',
  'kubectl create configmap c4 --from-literal=a=1 --from-literal=a=2',
  'kubectl create configmap c5 --from-literal=a/b=1',
  'kubectl create configmap c6 --from-file=nope',
  'kubectl create configmap',
  'kubectl create secret generic s1 --from-literal=a=b --type=foo --dry-run=client -o yaml',
  'kubectl create secret generic s1 --from-literal=a=b --dry-run=client -o json',
  'kubectl create secret docker-registry r --docker-username=u --docker-password=p --docker-email=e@x --dry-run=client -o json',
  'kubectl create secret docker-registry r --dry-run=client',
  'kubectl create secret foo x',
  'kubectl create secret tls t --dry-run=client',
  'kubectl create service clusterip s --tcp=80:8080 --dry-run=client -o json',
  'kubectl create service clusterip s --clusterip=None --dry-run=client -o yaml',
  'kubectl create svc nodeport n --tcp=80 --node-port=30080 --dry-run=client -o json',
  'kubectl create service loadbalancer lb --tcp=80:8080,443 --dry-run=client -o yaml',
  'kubectl create service externalname e --external-name=example.com --dry-run=client -o json',
  'kubectl create service externalname e',
  'kubectl create service clusterip s --tcp=x',
  'kubectl create service clusterip s',
  'kubectl create job j --image=busybox --dry-run=client -o json -- echo hi',
  'kubectl create job j --dry-run=client',
  "kubectl create cronjob cj --image=busybox '--schedule=*/1 * * * *' --dry-run=client -o json -- date",
  'kubectl create cronjob cj --image=busybox',
  'kubectl create serviceaccount sa1 --dry-run=client -o json',
  'kubectl create role r --verb=get,list --resource=pods,deployments.apps --resource-name=a --dry-run=client -o json',
  'kubectl create role r --verb=get --resource=foo --dry-run=client -o yaml',
  'kubectl create role r --verb=get --resource=pods/log,deploy,rs.apps --dry-run=client -o yaml',
  'kubectl create role r --verb=fly --resource=pods --dry-run=client -o yaml',
  'kubectl create role r --resource=pods',
  'kubectl create rolebinding rb --role=r --user=u --group=g --serviceaccount=ns:sa --dry-run=client -o json',
  'kubectl create rolebinding rb',
  'kubectl create clusterrole cr --verb=get --non-resource-url=/logs --dry-run=client -o json',
  'kubectl create clusterrole cr --aggregation-rule=a=b --dry-run=client -o yaml',
  'kubectl create clusterrolebinding crb --clusterrole=cr --user=u --dry-run=client -o yaml',
  'kubectl create clusterrolebinding crb',
  'kubectl create quota q --hard=cpu=1000m,pods=2 --scopes=BestEffort --dry-run=client -o json',
  'kubectl create quota q --hard=cpu',
  'kubectl create priorityclass p --value=100 --description=hi --global-default --dry-run=client -o json',
  'kubectl create pdb p --selector=app=a --min-available=1 --dry-run=client -o json',
  "kubectl create pdb p --selector='a,b!=c,d in (x)' --max-unavailable=50% --dry-run=client -o yaml",
  'kubectl create pdb p --selector=a=b',
  'kubectl create ingress i --rule=foo.com/bar=svc:80,tls=sec --class=nginx --annotation=a=b --dry-run=client -o json',
  'kubectl create ingress i --rule=/path*=svc:http --default-backend=d:80 --dry-run=client -o yaml',
  'kubectl create ingress i --rule=bad',
  'kubectl create ingress i',
  'kubectl create foo x',
  'kubectl create deployment d --image=a --image=b -- sleep 1',
  'kubectl create deployment d --image=a -n x --port=80 --dry-run=client -o json -- sleep 1',
];

/** Each generator writing an object, then again (AlreadyExists, wrapped as each generator wraps it). */
const WRITTEN = [
  'kubectl create configmap web --from-literal=a=1',
  'kubectl create configmap web --from-literal=a=1',
  'kubectl create secret generic s --from-literal=a=1',
  'kubectl create secret generic s --from-literal=a=1',
  'kubectl create secret docker-registry s --docker-username=u --docker-password=p',
  'kubectl create secret tls s --cert=c.pem --key=k.pem',
  'kubectl create service clusterip web --tcp=80',
  'kubectl create service clusterip web --tcp=80',
  'kubectl create service nodeport web --tcp=80',
  'kubectl create service externalname web --external-name=x.com',
  'kubectl create deployment web --image=nginx',
  'kubectl create deployment web --image=nginx',
  'kubectl create job j --image=busybox',
  'kubectl create job j --image=busybox',
  "kubectl create cronjob cj --image=busybox '--schedule=*/5 * * * *'",
  "kubectl create cronjob cj --image=busybox '--schedule=*/5 * * * *'",
  'kubectl create serviceaccount sa',
  'kubectl create serviceaccount sa',
  'kubectl create role r --verb=get --resource=pods',
  'kubectl create role r --verb=get --resource=pods',
  'kubectl create rolebinding rb --role=r',
  'kubectl create rolebinding rb --role=r',
  'kubectl create clusterrole cr --verb=get --resource=nodes',
  'kubectl create clusterrole cr --verb=get --resource=nodes',
  'kubectl create clusterrolebinding crb --clusterrole=cr',
  'kubectl create clusterrolebinding crb --clusterrole=cr',
  'kubectl create quota q --hard=pods=2',
  'kubectl create quota q --hard=pods=2',
  'kubectl create priorityclass pc1 --value=10',
  'kubectl create priorityclass pc1 --value=10',
  'kubectl create pdb pdb1 --selector=app=web --min-available=1',
  'kubectl create pdb pdb1 --selector=app=web --min-available=1',
  'kubectl create ingress ing --rule=foo.com/=web:80',
  'kubectl create ingress ing --rule=foo.com/=web:80',
  'kubectl create namespace ns1',
  'kubectl create namespace ns1',
  'kubectl create configmap web2 --from-literal=a=1 --dry-run=server -o json',
  'kubectl create job j2 --from=cronjob/cj -o json',
  'kubectl create job j3 --from=deploy/web',
  'kubectl create job j3 --from=cronjob/nope',
  'kubectl create deployment web9 --image=nginx --port=80 --replicas=2 --dry-run=server -o yaml',
  'kubectl create service nodeport np --tcp=80:8080 --dry-run=server -o json',
  'kubectl create deployment Bad_Name --image=nginx',
  'kubectl create configmap Bad_Name',
  'kubectl create service clusterip Bad_Name --tcp=80',
];

/** Objects the server returns, printed typed: Go field order, no managedFields. */
const SERVER_JSON = [
  'kubectl create role r --verb=get --resource=foo --dry-run=client -o yaml',
  'kubectl create role r --verb=fly --resource=pods --dry-run=client -o yaml',
  "kubectl create pdb p --selector='a,b!=c,d in (x)' --max-unavailable=50% --dry-run=client -o yaml",
  "kubectl create pdb p --selector='a,d in (x,b)' --max-unavailable=50% --dry-run=client -o json",
  'kubectl create configmap web-t --from-literal=a=1 -o json',
  'kubectl create secret generic s-t --from-literal=a=1 -o json',
  'kubectl create secret generic s2-t --from-literal=a=1 --type=x -o json',
  'kubectl create service clusterip web-t --tcp=80:8080 -o json',
  'kubectl create service nodeport np-t --tcp=80:8080 -o json',
  'kubectl create service loadbalancer lb-t --tcp=80:8080 -o json',
  'kubectl create service externalname en-t --external-name=a.com -o json',
  'kubectl create service clusterip hl-t --clusterip=None -o json',
  'kubectl create deployment web-t --image=nginx --port=80 -o json -- sleep 1',
  'kubectl create job j-t --image=busybox -o json',
  "kubectl create cronjob cj-t --image=busybox '--schedule=*/5 * * * *' -o json",
  'kubectl create job j2-t --from=cronjob/cj-t -o json',
  'kubectl create job j3-t --from=cronjob/cj-t --dry-run=client -o json',
  'kubectl create serviceaccount sa-t -o json',
  'kubectl create role r-t --verb=get,list --resource=pods,deployments.apps --resource-name=x -o json',
  'kubectl create rolebinding rb-t --role=r-t --serviceaccount=default:sa-t --user=u -o json',
  'kubectl create clusterrole cr-t --verb=get --resource=nodes --non-resource-url=/x -o json',
  'kubectl create clusterrole cra-t --aggregation-rule=a=b -o json',
  'kubectl create clusterrolebinding crb-t --clusterrole=cr-t --group=g -o json',
  'kubectl create quota q-t --hard=cpu=1,pods=2 --scopes=BestEffort -o json',
  'kubectl create priorityclass pc-t --value=10 --description=x -o json',
  'kubectl create pdb pdb-t --selector=app=web --min-available=1 -o json',
  'kubectl create pdb pdb2-t --selector=app=web,x --max-unavailable=1 -o json',
  'kubectl create ingress ing-t --rule=foo.com/=web:80,tls=s --default-backend=web:http --class=c --annotation=a=b -o json',
  'kubectl create namespace ns-t -o json',
];

/** create token: the TokenRequest the (deterministic) server answers, printed without a newline. */
const TOKENS = [
  'kubectl create sa builder',
  'kubectl create token builder',
  'kubectl create token builder --duration=10m',
  'kubectl create token builder --audience=a --audience=b',
  'kubectl create token default -n kube-system',
  'kubectl create token nope',
  'kubectl create token',
  'kubectl create token builder --duration=1.5s',
  'kubectl create token builder --bound-object-name=x',
  'kubectl create token builder --bound-object-kind=Foo',
  'kubectl create token builder --dry-run=client',
];

/** --append-hash: kubectl's SHA-256 name suffix. */
const HASHED = [
  'kubectl create secret generic s --from-literal=x=1 --append-hash --dry-run=client -o yaml',
  "kubectl create configmap c --from-literal=a=1 --from-literal=b='<&>' --append-hash --dry-run=client -o yaml",
  'kubectl create configmap c --append-hash --dry-run=client -o yaml',
  'kubectl create secret docker-registry r --docker-username=u --docker-password=p --append-hash --dry-run=client -o yaml',
  'kubectl create secret generic s --from-literal=x=1 --type=kubernetes.io/basic-auth --append-hash -o name',
  'kubectl create configmap env --from-env-file=e.env --append-hash',
  'kubectl create secret generic e --append-hash --dry-run=client -o yaml',
];

describe.runIf(realKubectlAvailable())('differential: create generators', { timeout: 300_000 }, () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
  }, 120_000);
  afterAll(() => d?.close());
  const same = async (lines: string[]) => {
    for (const [i, l] of lines.entries()) await d.expectSame(l, i === 0 ? { files: FILES } : {});
  };

  it('generates manifests with --dry-run=client, and refuses bad flags as kubectl does', () => same(GENERATED));
  it('creates objects with every generator; errors wrapped per generator', () => same(WRITTEN));
  it('prints server results as typed JSON', () => same(SERVER_JSON));
  it('creates service account tokens', () => same(TOKENS));
  it('appends the content hash to names', () => same(HASHED));
});
