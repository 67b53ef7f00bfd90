// Regenerates strategic-kubectl.json: each patch in strategic-patches.txt applied to
// strategic-original.json by the real kubectl's `patch --local`, which runs the same
// k8s.io/apimachinery strategicpatch code as the API server. Run from this folder:
//   node generate-strategic.mjs /usr/lib/google-cloud-sdk/bin/kubectl.1.32
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const kubectl = process.argv[2] ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const dir = mkdtempSync(join(tmpdir(), 'smp-'));
const kubeconfig = join(dir, 'kubeconfig');
writeFileSync(
  kubeconfig,
  'apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:1"}}]\ncontexts: [{name: c, context: {cluster: c}}]\ncurrent-context: c\n',
);
const cases = readFileSync('strategic-patches.txt', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((patch) => {
    const args = ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), 'patch', '--local', '-f', 'strategic-original.json', '--type', 'strategic', '-p', patch, '-o', 'json'];
    try {
      return { patch: JSON.parse(patch), result: JSON.parse(execFileSync(kubectl, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString()) };
    } catch (e) {
      return { patch: JSON.parse(patch), error: e.stderr.toString().replace(/^error: /, '').replace(/\n$/, '') };
    }
  });
writeFileSync('strategic-kubectl.json', JSON.stringify(cases, null, 2) + '\n');
