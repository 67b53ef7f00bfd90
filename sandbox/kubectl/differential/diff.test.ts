// Differential: kubectl diff -f (client-side and --server-side, new, changed, unchanged and
// invalid objects, Secrets masked, cluster-scoped names, errors and exit codes), ours against
// the real kubectl 1.32. The temp dirs' random names and the files' times cannot agree: lines
// that print them go through sed (KNOWN_DIFFERENCES.md).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Differential, realKubectlAvailable } from './harness.js';

const FILES: Record<string, string> = {
  "web.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.28\n",
  "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n",
  "cm2.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: slow\n  extra: \"1\"\n",
  "new.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector:\n    app: api\n  ports:\n  - port: 80\n    targetPort: 8080\n",
  "secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n  pass: new\n  user: admin\n",
  "ns.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-b\n",
  "bad.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n"
};

/** Runs kubectl diff with its exit code, then its output without temp dir names and times. */
const normalized = (line: string) => `${line} > out.txt; echo "exit $?"; sed -E 's#/tmp/(LIVE|MERGED)-[0-9]+#/tmp/\\1-N#g; s#\\t.*##' out.txt`;

const DIFF = [
  'kubectl create deployment web --image=nginx:1.27',
  normalized('kubectl diff -f web.yaml'),
  normalized('kubectl diff -f cm.yaml'),
  'kubectl apply -f cm.yaml',
  'kubectl diff -f cm.yaml; echo "exit $?"',
  normalized('kubectl diff -f cm2.yaml'),
  'kubectl diff',
  'kubectl diff -f nope.yaml',
  normalized('kubectl diff -f web.yaml -f cm2.yaml'),
  normalized('kubectl diff -f web.yaml --server-side --force-conflicts'),
  normalized('kubectl diff -f new.yaml'),
  'kubectl create secret generic creds --from-literal=user=admin --from-literal=pass=old',
  normalized('kubectl diff -f secret.yaml'),
  normalized('kubectl diff -f ns.yaml'),
  'kubectl apply -f new.yaml',
  'kubectl diff -f new.yaml; echo "exit $?"',
  'kubectl diff -f bad.yaml; echo "exit $?"',
  'kubectl diff -f new.yaml extra; echo "exit $?"',
];

describe.runIf(realKubectlAvailable())('differential: diff', { timeout: 300_000 }, () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
  }, 120_000);
  afterAll(() => d?.close());

  it('prints what apply would change as diff -u -N does, exit 1 when different', async () => {
    for (const [i, line] of DIFF.entries()) await d.expectSame(line, i === 0 ? { files: FILES } : {});
  });
});
