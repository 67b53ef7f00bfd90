// kubectl edit with the page's editor: the temp file kubectl writes (header comment, YAML of
// the live object), a saved change patched ("edited"), closing unchanged ("Edit cancelled"),
// an invalid change reopened with the reasons, saved again unchanged (a copy kept), and the
// editor missing in a script. The "learner" here edits the file the way the page's editor would.
import { describe, expect, it } from 'vitest';
import { ManualClock, SeededRandom } from '../../engine/clock.js';
import { createDefaultCluster } from '../../engine/cluster.js';
import { Interrupt, type CommandIO } from '../../shell/io.js';
import { Vfs } from '../../shell/vfs.js';
import { inProcessClient } from '../client.js';
import { runKubectl } from '../index.js';
import { T0 } from '../testing.js';

type Edit = (text: string) => string | undefined;

function setup() {
  const clock = new ManualClock(T0);
  const engine = createDefaultCluster({ clock, random: new SeededRandom(7), settleMs: 5_000 });
  const fs = new Vfs({ now: () => clock.now() });
  const host = { api: inProcessClient(engine.client('kubectl'), clock, engine), clock, fs };
  /** Runs kubectl; each editor session applies the next edit (undefined: closed without saving). */
  const run = async (line: string, edits?: Edit[]) => {
    let out = '';
    const opened: string[] = [];
    const io: CommandIO = {
      stdin: '',
      stdinIsTerminal: true,
      stdoutIsTerminal: true,
      out: (s) => (out += s),
      err: (s) => (out += s),
      interrupt: new Interrupt(),
    };
    if (edits) {
      io.editor = {
        async edit(path) {
          const text = fs.readFile(path);
          opened.push(text);
          const next = edits.shift()?.(text);
          if (next !== undefined) fs.writeFile(path, next);
          return { saved: next !== undefined };
        },
      };
    }
    const code = await runKubectl(line.split(' ').slice(1), io, host);
    engine.runUntilIdle();
    return { code, out, opened };
  };
  return { engine, fs, run };
}

describe('kubectl edit', () => {
  it('writes the object with the header, patches a saved change', async () => {
    const { run, fs } = setup();
    await run('kubectl create deployment web --image=nginx:1.27');
    const r = await run('kubectl edit deployment web', [(t) => t.replace('replicas: 1', 'replicas: 3')]);
    expect(r.opened[0].startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: apps/v1\nkind: Deployment\n")).toBe(true);
    expect(r.opened[0]).not.toContain('managedFields');
    expect(r).toMatchObject({ code: 0, out: 'deployment.apps/web edited\n' });
    expect((await run('kubectl get deploy web -o jsonpath={.spec.replicas}')).out).toBe('3');
    expect(fs.readdir('/tmp').filter((n) => n.startsWith('kubectl-edit-'))).toEqual([]);
  });

  it('cancels when nothing changed or the file was emptied', async () => {
    const { run } = setup();
    await run('kubectl create configmap app --from-literal=a=1');
    expect(await run('kubectl edit cm app', [() => undefined])).toMatchObject({ code: 0, out: 'Edit cancelled, no changes made.\n' });
    expect(await run('kubectl edit cm app', [() => '# nothing\n'])).toMatchObject({ code: 0, out: 'Edit cancelled, saved file was empty.\n' });
  });

  it('reopens an invalid change with the reasons, and gives up when saved again unchanged', async () => {
    const { run, fs } = setup();
    await run('kubectl create deployment web --image=nginx:1.27');
    const r = await run('kubectl edit deploy/web', [(t) => t.replace('replicas: 1', 'replicas: -1'), (t) => t]);
    expect(r.opened[1]).toContain('#\n# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n');
    expect(r.opened[1]).toContain('replicas: -1');
    const kept = r.out.match(/A copy of your changes has been stored to "(\/tmp\/kubectl-edit-\d+\.yaml)"\n/);
    expect(kept).not.toBeNull();
    expect(r.out.endsWith('error: Edit cancelled, no valid changes were saved.\n')).toBe(true);
    expect(r.code).toBe(1);
    expect(fs.exists(kept![1])).toBe(true);
  });

  it('fixes a syntax error on the second try', async () => {
    const { run } = setup();
    await run('kubectl create deployment web --image=nginx:1.27');
    const r = await run('kubectl edit deploy web', [(t) => t.replace('replicas: 1', 'replicas: [1'), (t) => t.replace('replicas: [1', 'replicas: 2')]);
    expect(r.opened[1]).toMatch(/^# Please edit[^]*#\n# The edited file had a syntax error: error converting YAML to JSON: yaml: line \d+: [^\n]+\n#\n/);
    expect(r.out).toBe('deployment.apps/web edited\n');
  });

  it('says the editor cannot start without one (a script)', async () => {
    const { run } = setup();
    await run('kubectl create deployment web --image=nginx:1.27');
    expect(await run('kubectl edit deploy web')).toMatchObject({ code: 1, out: 'error: unable to launch the editor "vi"\n' });
  });
});
