// Differential: what kubectl says about the cluster and its kubeconfig, ours against the real
// kubectl 1.32 on the same state (see harness.ts).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Differential, realKubectlAvailable } from './harness.js';

describe.runIf(realKubectlAvailable())('differential: cluster, API and kubeconfig commands', { timeout: 180_000 }, () => {
  let d: Differential;
  beforeAll(async () => {
    d = await Differential.start();
  }, 120_000);
  afterAll(() => d?.close());
  const same = (line: string) => d.expectSame(line);

  it('version', async () => {
    for (const l of ['kubectl version', 'kubectl version --client', 'kubectl version -o yaml', 'kubectl version -o json', 'kubectl version --client -o json', 'kubectl version -o wide']) await same(l);
  });

  it('api-versions and api-resources', async () => {
    for (const l of [
      'kubectl api-versions',
      'kubectl api-resources',
      'kubectl api-resources -o wide',
      'kubectl api-resources -o name',
      'kubectl api-resources --namespaced=true',
      'kubectl api-resources --namespaced=false',
      'kubectl api-resources --api-group=apps',
      "kubectl api-resources --api-group=''",
      'kubectl api-resources --api-group=apps -o name',
      'kubectl api-resources --api-group=nope',
      'kubectl api-resources --verbs=list --namespaced -o name',
      'kubectl api-resources --sort-by=kind',
      'kubectl api-resources --no-headers --api-group=batch',
    ])
      await same(l);
  });

  it('cluster-info', async () => {
    for (const l of ['kubectl cluster-info', 'kubectl cluster-info -n default']) await same(l);
  });

  it('config: view, contexts, namespaces per context', async () => {
    for (const l of [
      'kubectl config view',
      'kubectl config view --minify',
      'kubectl config view -o jsonpath="{.contexts[*].name}"',
      'kubectl config current-context',
      'kubectl config get-contexts',
      'kubectl config get-contexts -o name',
      'kubectl config get-contexts nope',
      'kubectl config get-clusters',
      'kubectl config get-users',
      'kubectl config set-context dev --cluster=kubelab --user=kubelab-admin --namespace=kube-system',
      'kubectl config set-context dev --namespace=kube-public',
      'kubectl config use-context dev',
      'kubectl config current-context',
      'kubectl config set-context --current --namespace=kube-system',
      'kubectl config get-contexts',
      'kubectl get pods',
      'kubectl get cm',
      'kubectl config use-context nope',
      'kubectl config use-context kubelab',
      'kubectl get pods',
      'kubectl config delete-context dev',
      'kubectl config delete-context dev',
      'kubectl config set-cluster other --server=https://10.0.0.1:6443',
      'kubectl config set-credentials someone --token=secret',
      'kubectl config view',
      'kubectl config view --raw -o json | grep -v certificate-authority-data | grep -v server',
      'kubectl config rename-context kubelab main',
      'kubectl config current-context',
      'kubectl config rename-context main kubelab',
    ])
      await same(l);
  });
});
