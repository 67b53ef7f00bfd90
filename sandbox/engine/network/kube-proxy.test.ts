// kube-proxy's rules for the default cluster with nginx behind ClusterIP, NodePort (one with
// externalTrafficPolicy Local) and LoadBalancer Services, and one Service without endpoints.
// Golden files; regenerate with UPDATE_GOLDEN=1.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iptablesList, iptablesSave } from './iptables-format.js';
import { ipvsadmList, ipvsServices } from './ipvs.js';
import { iptablesRules, svcChain } from './kube-proxy.js';
import { ctxOf, service, webCluster } from './scenario.test-util.js';

function golden(name: string, text: string): void {
  const file = join(__dirname, '__golden__', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('kube-proxy rules', () => {
  const engine = webCluster();
  service(engine, 'web-local', { type: 'NodePort', externalTrafficPolicy: 'Local', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30081 }] });
  engine.advance(1000);

  it('names chains as kube-proxy does', () => {
    expect(svcChain('default/kubernetes:https', 'tcp')).toBe('KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(svcChain('kube-system/kube-dns:dns', 'udp')).toBe('KUBE-SVC-TCOU7JCQXEZGVUNU');
    expect(svcChain('kube-system/kube-dns:dns-tcp', 'tcp')).toBe('KUBE-SVC-ERIFXISQEP7F7OF4');
    expect(svcChain('kube-system/kube-dns:metrics', 'tcp')).toBe('KUBE-SVC-JD5MR3NA4I4DYORP');
  });

  it('iptables-save on node01', () => {
    golden('iptables-save-node01.txt', iptablesSave(iptablesRules(ctxOf(engine), 'node01'), engine.clock.now()));
  });

  it('iptables -t nat -L KUBE-SERVICES -n, and one service chain', () => {
    const [nat] = iptablesRules(ctxOf(engine), 'controlplane');
    const web = nat.rules.find((r) => r.chain === 'KUBE-SERVICES' && r.comment === 'default/web cluster IP')!.target;
    golden('iptables-L-nat.txt', `${iptablesList(nat, 'KUBE-SERVICES')}\n${iptablesList(nat, web)}\n${iptablesList(nat, 'KUBE-NOPE')}`);
  });

  it('ipvsadm -Ln on node01', () => {
    golden('ipvsadm-node01.txt', ipvsadmList(ipvsServices(ctxOf(engine), 'node01')));
  });
});
