// Golden transcripts: jq and yq, man and help, watch, background jobs with port-forward and curl,
// interrupts (Ctrl-C) and vi without a page.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../kubectl/testing.js';
import { screenSandbox } from './testing.js';

const golden = (name: string, text: string) => expectGolden(join(import.meta.dirname, '__golden__', name), text);
const tick = () => new Promise<void>((r) => setImmediate(r));

describe('shell tools', { timeout: 30_000 }, () => {
  it('jq and yq over kubectl output', async () => {
    const s = screenSandbox();
    for (const l of [
      'kubectl create deploy web --image=nginx --replicas=2',
      "kubectl get deploy web -o json | jq '.spec.replicas, .metadata.labels'",
      'kubectl get ns -o json | jq -r ".items[].metadata.name"',
      'kubectl get deploy web -o json | jq -c "{name: .metadata.name, image: .spec.template.spec.containers[0].image}"',
      "echo '{\"a\":1}' | jq '.a[]'; echo $?",
      "echo '{}' | jq '.a['; echo $?",
      "jq -n --arg x hi '{greeting: $x}'",
      "echo '{\"ok\":false}' | jq -e .ok; echo $?",
      'kubectl get deploy web -o yaml | yq .spec.template.spec.containers',
      'kubectl get deploy web -o yaml | yq -o json .metadata.name',
      "printf 'a: 1\\n---\\na: 2\\n' | yq .a",
      'jq . missing.json',
    ])
      await s.type(l);
    golden('jq-yq.txt', s.screen());
  });

  it('man and help', async () => {
    const s = screenSandbox();
    for (const l of ['man ssh', 'man nosuch; echo $?', 'man', 'help | head -4']) await s.type(l);
    golden('man-help.txt', s.screen());
  });

  it('background jobs: port-forward & then curl localhost, jobs, kill %1; Ctrl-C ends watch and journalctl -f', async () => {
    const s = screenSandbox();
    for (const l of ['kubectl create deploy web --image=nginx', 'sleep 15', 'kubectl port-forward deploy/web 8080:80 &']) await s.type(l);
    await tick();
    for (const l of ['curl -s localhost:8080 | grep title', 'jobs', 'kill %1', 'curl -sS localhost:8080; echo $?', 'kill %1', 'sleep 30 &', 'sleep 1 &', 'jobs', 'sleep 2', 'echo next', 'kill %3', 'kill']) await s.type(l);
    void s.start('watch -n 5 kubectl get deploy');
    await tick();
    s.engine.advance(1);
    s.keys('\x03');
    await s.terminal.idle();
    void s.start('journalctl -u kubelet -f -n 0');
    await tick();
    s.keys('\x03');
    await s.terminal.idle();
    golden('jobs-watch.txt', s.screen());
    expect(s.screen()).toContain('[1]+  Terminated              kubectl port-forward deploy/web 8080:80');
  });

  it('vi without a page says it needs the editor; with one it blocks until closed and saves', async () => {
    const s = screenSandbox();
    await s.type('vi notes.txt; echo $?');
    const opened: string[] = [];
    // The lab page's part (socket-editor.ts does this over socket.io): show, save, close.
    s.terminal.setEditorHost({
      async open(file, save) {
        opened.push(`${file.path}:${JSON.stringify(file.content)}`);
        save('kind: Pod\n');
      },
    });
    await s.type('vim web.yaml && cat web.yaml');
    await s.type('ssh node01 nano /etc/kubernetes/kubelet.conf');
    s.terminal.setEditorHost({ open: (_file, _save, interrupt) => interrupt.wait() });
    void s.start('nano stuck.txt; echo "status $?"');
    await tick();
    s.keys('\x03');
    await s.terminal.idle();
    golden('editor.txt', s.screen());
    expect(opened).toEqual(['/root/web.yaml:""', expect.stringMatching(/^\/etc\/kubernetes\/kubelet\.conf:"apiVersion: v1/)]);
  });
});
