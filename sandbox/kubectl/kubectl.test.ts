// Our kubectl in a learner terminal on the default cluster: the transcript of a lab session,
// compared with a golden file checked against what the real kubectl prints.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, newSandbox } from './testing.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);

async function transcript(lines: Array<string | number>): Promise<string> {
  const sb = newSandbox();
  let out = '';
  for (const line of lines) {
    if (typeof line === 'number') {
      sb.advance(line);
      out += `# (${line / 1000} s later)\n`;
      continue;
    }
    out += `$ ${line}\n${await sb.run(line)}`;
  }
  return out;
}

describe('kubectl in the learner terminal', () => {
  it('creates a deployment imperatively and shows it becoming ready', async () => {
    const out = await transcript([
      'kubectl create deployment web --image=nginx --replicas=3',
      'kubectl get deploy',
      30_000,
      'kubectl get deploy web',
      'kubectl get pods -o wide',
      'kubectl get deploy,rs',
      'kubectl scale deployment web --replicas=1',
      10_000,
      'kubectl get pods',
      'kubectl delete deployment web',
      'kubectl get deploy web',
    ]);
    expectGolden(golden('imperative.txt'), out);
  });

  it('applies a manifest written with a here-document, then re-applies and changes it', async () => {
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: nginx
        image: nginx:1.27`;
    const out = await transcript([
      `cat <<EOF > api.yaml\n${manifest}\nEOF`,
      'kubectl apply -f api.yaml',
      'kubectl apply -f api.yaml',
      `cat <<EOF > api.yaml\n${manifest.replace('replicas: 2', 'replicas: 4')}\nEOF`,
      'kubectl apply -f api.yaml',
      'kubectl get deploy api -o jsonpath="{.spec.replicas}" 2>&1',
      'kubectl get deploy api -o yaml | head -9',
    ]);
    expect(out).toContain('deployment.apps/api created\n');
    expect(out).toContain('deployment.apps/api unchanged\n');
    expect(out).toContain('deployment.apps/api configured\n');
    expectGolden(golden('declarative.txt'), out);
  });

  it('prints kubectl errors the way kubectl does', async () => {
    const out = await transcript([
      'kubectl get deploy nope',
      'kubectl get foo',
      'kubectl get pods --bogus',
      'kubectl create deployment web',
      'kubectl create deployment web --image=nginx',
      'kubectl create deployment web --image=nginx',
      'kubectl create deployment Bad_Name --image=nginx',
      'kubectl get pods -n empty',
      'kubectl create deployment gen --image=nginx:1.27 --replicas=2 --dry-run=client -o yaml',
    ]);
    expectGolden(golden('errors.txt'), out);
  });
});
