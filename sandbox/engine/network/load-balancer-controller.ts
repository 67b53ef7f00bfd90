// The cloud side of `type: LoadBalancer`: cloud-controller-manager's service controller (or MetalLB
// in a kubeadm/kind lab) gives each LoadBalancer Service an address from a pool and writes it to
// status.loadBalancer.ingress, with the service controller's events. Without a cloud
// (options.cloud false) the address stays <pending>, as on a bare kubeadm cluster.
import type { Service } from 'kubernetes-types/core/v1';
import type { Controller, ControllerContext } from '../controllers/runtime-contract.js';
import { objectKey, splitKey } from '../controllers/runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { ipToNumber, numberToIp } from './ip.js';
import type { NetworkOptions } from './options.js';

const SERVICES = { group: '', version: 'v1', resource: 'services' };

export class LoadBalancerController implements Controller {
  readonly name = 'service-controller';
  readonly watches = [{ ...SERVICES, keysFor: (obj: KubeObject) => [objectKey(obj)] }];

  constructor(private readonly options: () => NetworkOptions) {}

  reconcile(key: string, ctx: ControllerContext): void {
    const { namespace, name } = splitKey(key);
    let svc: Service;
    try {
      svc = ctx.api.get({ ...SERVICES, namespace, name }) as unknown as Service;
    } catch {
      return; // deleted: its address goes back to the pool with it
    }
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    const wants = svc.spec?.type === 'LoadBalancer' && this.options().cloud;
    if (wants && ingress.length === 0) this.assign(svc, ctx);
    else if (!wants && ingress.length > 0) this.write(svc, [], ctx);
  }

  private assign(svc: Service, ctx: ControllerContext): void {
    const ip = this.freeAddress(ctx);
    if (!ip) return;
    ctx.recordEvent(svc as unknown as KubeObject, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
    this.write(svc, [{ ip, ipMode: 'VIP' }], ctx);
    ctx.recordEvent(svc as unknown as KubeObject, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
  }

  private freeAddress(ctx: ControllerContext): string | undefined {
    const used = new Set<string>();
    for (const s of ctx.api.list(SERVICES).items as unknown as Service[]) for (const i of s.status?.loadBalancer?.ingress ?? []) if (i.ip) used.add(i.ip);
    const { first, last } = this.options().loadBalancerPool;
    for (let n = ipToNumber(first)!; n <= ipToNumber(last)!; n++) if (!used.has(numberToIp(n))) return numberToIp(n);
    return undefined;
  }

  private write(svc: Service, ingress: Array<{ ip: string; ipMode?: string }>, ctx: ControllerContext): void {
    const body = { ...svc, status: { ...(svc.status ?? {}), loadBalancer: ingress.length ? { ingress } : {} } };
    ctx.api.update({ ...SERVICES, namespace: svc.metadata!.namespace, name: svc.metadata!.name, subresource: 'status' }, body);
  }
}
