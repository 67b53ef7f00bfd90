// The cluster view (issue 9) through the real UI: a Deployment made in the terminal appears on
// the map placed on nodes, its command's chain lists every component in order, a deleted pod is
// replaced, the inspector shows YAML and a Service's request path; a lesson's embedded scenario
// plays to the end. Screenshots go to test-results/.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { sandboxIsPartial, terminalText, typeInTerminal, waitAttached } from './helpers';

const FLOW = ['kubectl', 'api-server', 'etcd', 'deployment-controller', 'replicaset-controller', 'scheduler', 'kubelet', 'endpoints', 'kube-proxy'];
const SERVICE = "printf 'apiVersion: v1\\nkind: Service\\nmetadata:\\n  name: web\\nspec:\\n  selector:\\n    app: web\\n  ports:\\n  - port: 80\\n' > svc.yaml";

const firstAppearance = (stages: string[]) => stages.filter((s, i) => stages.indexOf(s) === i);
const webPods = (view: Locator) => view.locator('[data-testid="map-pod"][data-name^="web-"]');
const podStates = (view: Locator) => webPods(view).evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.node}:${(e as HTMLElement).dataset.status}`));
const podNames = (view: Locator) => webPods(view).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.name ?? '').sort());
const stagesShown = (view: Locator) => view.getByTestId('timeline-step').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.stage ?? ''));

async function openLab(page: Page) {
  await page.goto('/labs/deploy-nginx');
  await waitAttached(page);
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toMatch(/controlplane:~\$ *$|has no cluster or shell yet/m);
  test.skip(await sandboxIsPartial(page), 'the server has no cluster engine or shell yet');
}

test('the map and timeline follow kubectl create deployment, and a deleted pod is replaced', async ({ page }) => {
  await openLab(page);
  await page.getByRole('button', { name: 'Cluster view' }).click();
  const view = page.getByTestId('cluster-view');
  await expect(view.getByTestId('map-node')).toHaveCount(3);
  await expect(view.locator('[data-testid="map-component"][data-name="kube-scheduler"]')).toHaveAttribute('data-status', 'Running');

  // A Service first, so the Deployment's chain reaches its endpoints and kube-proxy.
  await typeInTerminal(page, SERVICE);
  await typeInTerminal(page, 'kubectl apply -f svc.yaml');
  await expect.poll(() => terminalText(page)).toContain('service/web created');
  await typeInTerminal(page, 'kubectl create deployment web --image=nginx --replicas=3');
  await expect.poll(() => terminalText(page)).toContain('deployment.apps/web created');

  await expect.poll(() => podStates(view), { timeout: 30_000 }).toEqual([expect.stringMatching(/^node0[12]:Running$/), expect.stringMatching(/^node0[12]:Running$/), expect.stringMatching(/^node0[12]:Running$/)]);
  await expect(view.getByTestId('timeline-chain')).toHaveValue(/.+/);
  await expect(view.getByTestId('timeline-chain').locator('option:checked')).toHaveText('kubectl: create deployments.apps default/web');
  await expect.poll(async () => firstAppearance(await stagesShown(view)), { timeout: 20_000 }).toEqual(FLOW);
  await page.screenshot({ path: 'test-results/cluster-view-deployment.png' });

  // Pause, step back and replay: the timeline is a recording, not just a log.
  await view.getByRole('button', { name: 'Pause' }).click();
  await view.getByRole('button', { name: 'Step back' }).click();
  await expect(view.getByTestId('timeline')).toHaveAttribute('data-mode', 'paused');
  await view.getByRole('button', { name: 'Replay' }).click();
  await expect(view.getByTestId('timeline-step')).toHaveCount(1);
  await expect.poll(async () => (await stagesShown(view)).length, { timeout: 10_000 }).toBeGreaterThan(3);
  await view.getByRole('button', { name: 'Live' }).click({ timeout: 30_000 }); // shown once the replay has ended
  await expect(view.getByTestId('timeline')).toHaveAttribute('data-mode', 'live');

  // Inspect a pod and the Service.
  const [victim] = await podNames(view);
  await view.locator(`[data-testid="map-pod"][data-name="${victim}"]`).click();
  await expect(view.getByTestId('inspector-yaml')).toContainText(`name: ${victim}`);
  await expect(view.getByTestId('inspector')).toContainText('Started');
  await view.locator('[data-testid="map-service"][data-name="web"]').click();
  await expect(view.getByTestId('service-path')).toContainText('web.default.svc.cluster.local');
  await expect(view.getByTestId('service-path')).toContainText(/KUBE-SVC-[A-Z0-9]{16}/);
  await page.screenshot({ path: 'test-results/cluster-view-service.png' });

  // Delete a pod: the ReplicaSet controller replaces it.
  await typeInTerminal(page, `kubectl delete pod ${victim}`);
  await expect.poll(() => terminalText(page), { timeout: 30_000 }).toContain(`pod "${victim}" deleted`);
  await expect.poll(() => podNames(view), { timeout: 30_000 }).not.toContain(victim);
  await expect.poll(() => podStates(view), { timeout: 30_000 }).toEqual([expect.stringMatching(/:Running$/), expect.stringMatching(/:Running$/), expect.stringMatching(/:Running$/)]);
  await expect(view.getByTestId('timeline-chain').locator('option:checked')).toHaveText(`kubectl: delete pods default/${victim}`);
  await expect.poll(async () => firstAppearance(await stagesShown(view))).toEqual(expect.arrayContaining(['kubectl', 'replicaset-controller', 'scheduler', 'kubelet']));

  // The same cluster as a text list.
  await view.getByRole('tab', { name: 'Text list' }).click();
  await expect(view.getByTestId('cluster-list')).toContainText('component kube-apiserver');
  await expect(view.getByTestId('cluster-list').getByRole('button', { name: /^pod default\/web-.*: Running/ })).toHaveCount(3);
  await page.screenshot({ path: 'test-results/cluster-view-replaced.png' });
});

test("a lesson's embedded scenario plays to the end", async ({ page }) => {
  await page.goto('/lessons/deployments');
  const demo = page.getByTestId('cluster-demo');
  await demo.getByRole('button', { name: 'Play' }).click();
  const scenario = demo.getByTestId('scenario');
  await expect(scenario).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
  await expect(scenario).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(demo.getByTestId('scenario-done')).toContainText('ReplicaSet controller');
  await expect.poll(() => podStates(demo), { timeout: 10_000 }).toEqual([expect.stringMatching(/:Running$/), expect.stringMatching(/:Running$/), expect.stringMatching(/:Running$/)]);
  await demo.screenshot({ path: 'test-results/cluster-view-lesson-demo.png' });
});
