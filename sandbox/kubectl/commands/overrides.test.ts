// kubectl run --overrides and kubectl delete --field-selector in a learner terminal.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { expectGolden, newSandbox } from '../testing.js';

const golden = (name: string) => join(import.meta.dirname, '__golden__', name);

describe('kubectl run --overrides', () => {
  it('merges the JSON into the generated pod, drops unknown fields, reports bad JSON', async () => {
    const sb = newSandbox();
    let out = '';
    for (const line of [
      `kubectl run o1 --image=nginx --dry-run=client -o yaml --overrides='{"spec":{"nodeName":"node01","containers":[{"name":"o1","image":"busybox","command":["sleep","3600"]}]}}'`,
      `kubectl run o2 --image=nginx --dry-run=client -o yaml --overrides='{not json'`,
      `kubectl run o3 --image=nginx --dry-run=client -o yaml --overrides='{"metadata":{"labels":{"x":"y"}},"spec":{"bogus":1,"serviceAccountName":"sa1"}}'`,
      `kubectl run o4 --image=nginx --dry-run=client -o yaml --overrides='[1]'`,
      `kubectl run o5 --image=nginx --overrides='{"apiVersion":"v1","spec":{"nodeSelector":{"a":"b"}}}'`,
      `kubectl get pod o5 -o jsonpath='{.spec.nodeSelector}'`,
    ]) out += `$ ${line}\n${await sb.run(line)}`;
    expect(out).toContain('  nodeName: node01\n');
    expect(out).not.toContain('bogus: 1');
    expectGolden(golden('run-overrides.txt'), out);
  });
});

describe('kubectl delete --field-selector', () => {
  it('deletes the Failed pods of a namespace or of all, and names an unsupported field', async () => {
    const sb = newSandbox();
    let out = '';
    const run = async (line: string) => (out += `$ ${line}\n${await sb.run(line)}`);
    await run('kubectl run ok --image=nginx:1.27');
    await run('kubectl run bad --image=busybox:1.36 --restart=Never -- sh -c "exit 1"');
    await run('kubectl create namespace team');
    await run('kubectl run bad2 -n team --image=busybox:1.36 --restart=Never -- sh -c "exit 2"');
    sb.advance(30_000);
    for (const line of [
      'kubectl get pods -A --field-selector=status.phase=Failed',
      'kubectl delete pods --field-selector=status.phase=Failed',
      'kubectl delete pods --field-selector=status.phase=Failed',
      'kubectl delete pods -A --field-selector=status.phase=Failed',
      'kubectl delete pods --field-selector=spec.bogus=x',
      'kubectl delete pods --field-selector=metadata.name=ok,status.phase=Running --wait=false',
      'kubectl get pods -A --field-selector=metadata.namespace!=kube-system',
    ]) await run(line);
    expect(out).toContain('pod "bad" deleted\n');
    expect(out).toContain('pod "bad2" deleted\n');
    expectGolden(golden('delete-field-selector.txt'), out);
  });
});
