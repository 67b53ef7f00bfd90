// describe in the learner's terminal (no real kubectl needed): the same describers on a fresh
// sandbox with simulated time, compared with golden transcripts (UPDATE_GOLDEN=1 rewrites them).
// The differential tests beside this file prove the describers against the real kubectl.
import { describe, expect, it } from 'vitest';
import { expectGolden, newSandbox } from '../testing.js';

const golden = (name: string) => new URL(`./__golden__/sandbox/${name}.txt`, import.meta.url).pathname;

describe('kubectl describe in a learner sandbox', () => {
  it('describes a deployment, its pods by prefix, and a node', async () => {
    const sb = newSandbox();
    await sb.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    sb.advance(90_000);
    let transcript = '';
    for (const line of ['kubectl describe deployment web', 'kubectl describe pods web', 'kubectl describe node node01', 'kubectl describe svc kubernetes --show-events=false']) {
      transcript += `$ ${line}\n${await sb.run(line)}`;
    }
    expectGolden(golden('deployment-pods-node'), transcript);
  });

  it('reports what is missing as the real kubectl does', async () => {
    const sb = newSandbox();
    expect(await sb.run('kubectl describe pod nope')).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(await sb.run('kubectl describe')).toBe('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expect(await sb.run('kubectl describe cronjobs')).toBe('No resources found in default namespace.\n');
  });
});
