// kubectl exec into a pod whose program makes a request: it leaves from the pod through the
// cluster's network (DNS search path, Services, NetworkPolicy under the default CNI, Calico),
// and a blocked request waits its timeout in simulated time.
import { join } from 'node:path';
import { it } from 'vitest';
import { screenSandbox } from '../../shell/testing.js';
import { expectGolden } from '../testing.js';

const DENY_ALL = `cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress]
EOF`;

it('exec wget from a pod: a Service by name, an unknown name, then blocked by a default-deny policy', { timeout: 60_000 }, async () => {
  const s = screenSandbox();
  for (const line of [
    'kubectl run web --image=nginx --labels=app=web',
    'kubectl expose pod web --port=80',
    'kubectl run client --image=busybox -- sleep 3600',
    'sleep 20',
    'kubectl exec client -- wget -qO- -T 2 http://web | grep title',
    'kubectl exec client -- wget -O- -T 2 http://nope; echo $?',
    DENY_ALL,
    'kubectl exec client -- wget -qO- -T 2 http://web.default.svc.cluster.local; echo $?',
  ])
    await s.type(line);
  expectGolden(join(import.meta.dirname, '__golden__', 'exec-network.txt'), s.screen());
});
