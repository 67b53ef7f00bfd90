// The ingress-nginx controller's control loop (its nginx data path is ingress-route.ts). It runs in
// the controller pod, so it does nothing while no controller pod is ready. For each Ingress of its
// class it records "Scheduled for sync" (reason Sync) whenever its informer sees the Ingress added
// or changed (any change, its own status writes included: hence the usual "x2"), and publishes
// the addresses it is reachable at in status.loadBalancer.ingress: the bare-metal manifest has no
// --publish-service, so these are the InternalIPs of the nodes its ready pods run on.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import type { Controller, ControllerContext } from '../controllers/runtime-contract.js';
import { objectKey, splitKey } from '../controllers/runtime-contract.js';
import type { KubeObject } from '../objects.js';
import { servedByNginx, isIngressNginxImage } from './ingress-class.js';
import { isPodReady, nodeInternalIP } from './view.js';

const INGRESSES = { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses' };
const INGRESS_CLASSES = { group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses' };
const PODS = { group: '', version: 'v1', resource: 'pods' };
const NODES = { group: '', version: 'v1', resource: 'nodes' };
/** Re-examine every Ingress (the controller's pods or the classes changed). */
const ALL = '*';

const isControllerPod = (p: Pod) => (p.spec?.containers ?? []).some((c) => isIngressNginxImage(c.image));

export class IngressNginxController implements Controller {
  readonly name = 'nginx-ingress-controller';
  readonly watches = [
    { ...INGRESSES, keysFor: (obj: KubeObject) => [objectKey(obj)] },
    { ...INGRESS_CLASSES, keysFor: () => [ALL] },
    { ...PODS, keysFor: (obj: KubeObject) => (isControllerPod(obj as unknown as Pod) ? [ALL] : []) },
  ];
  /** The resourceVersion each Ingress (by uid) was last seen at: a new one is "Scheduled for sync". */
  private readonly synced = new Map<string, string>();
  /** Ready controller pods last seen: a new one starts with an empty informer cache and syncs every Ingress. */
  private knownPods = new Set<string>();
  /**
   * True until a controller pod is replaced: this object was just built (a new cluster or a
   * restored snapshot), so an Ingress already carrying our address was synced before, silently.
   */
  private adoptExisting = true;

  reconcile(key: string, ctx: ControllerContext): void {
    const addresses = this.publishedAddresses(ctx);
    if (!addresses.length) return; // no controller running: nobody watches
    this.notePods(ctx);
    const classes = ctx.api.list(INGRESS_CLASSES).items as unknown as IngressClass[];
    if (key === ALL) {
      for (const i of ctx.api.list(INGRESSES).items as unknown as Ingress[]) this.sync(i, classes, addresses, ctx);
      return;
    }
    const { namespace, name } = splitKey(key);
    try {
      this.sync(ctx.api.get({ ...INGRESSES, namespace, name }) as unknown as Ingress, classes, addresses, ctx);
    } catch {
      return; // deleted
    }
  }

  private readyControllerPods(ctx: ControllerContext): Pod[] {
    return (ctx.api.list({ ...PODS, namespace: 'ingress-nginx' }).items as unknown as Pod[]).filter((p) => isControllerPod(p) && isPodReady(p) && !p.metadata?.deletionTimestamp);
  }

  private notePods(ctx: ControllerContext): void {
    const uids = new Set(this.readyControllerPods(ctx).map((p) => p.metadata?.uid ?? ''));
    if (this.knownPods.size && [...uids].some((u) => !this.knownPods.has(u))) {
      this.synced.clear();
      this.adoptExisting = false;
    }
    this.knownPods = uids;
  }

  /** InternalIPs of the nodes running a ready controller pod, sorted as the controller sorts them. */
  private publishedAddresses(ctx: ControllerContext): string[] {
    const pods = this.readyControllerPods(ctx);
    const nodes = new Set(pods.map((p) => p.spec?.nodeName).filter((n): n is string => !!n));
    const ips: string[] = [];
    for (const n of nodes) {
      try {
        const ip = nodeInternalIP(ctx.api.get({ ...NODES, name: n }) as never);
        if (ip) ips.push(ip);
      } catch {
        // the node is gone
      }
    }
    return ips.sort();
  }

  private sync(ingress: Ingress, classes: IngressClass[], addresses: string[], ctx: ControllerContext): void {
    if (!servedByNginx(ingress, classes) || ingress.metadata?.deletionTimestamp) return;
    const uid = ingress.metadata!.uid!;
    const version = ingress.metadata?.resourceVersion ?? '';
    const current = (ingress.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '');
    // After a restore the map is empty: an Ingress that already has our address was synced before.
    if (this.adoptExisting && !this.synced.has(uid) && current.length) this.synced.set(uid, version);
    if (this.synced.get(uid) !== version) {
      this.synced.set(uid, version);
      ctx.recordEvent(ingress as unknown as KubeObject, 'Normal', 'Sync', 'Scheduled for sync');
    }
    if (current.join(',') === addresses.join(',')) return;
    const body = { ...ingress, status: { loadBalancer: { ingress: addresses.map((ip) => ({ ip })) } } };
    // The update comes back through the watch as a new resourceVersion: "Scheduled for sync" again.
    ctx.api.update({ ...INGRESSES, namespace: ingress.metadata!.namespace, name: ingress.metadata!.name, subresource: 'status' }, body);
  }
}
