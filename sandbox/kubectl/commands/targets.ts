// Which objects a command edits: `TYPE NAME…`, `TYPE/NAME…`, or `TYPE` with --all or -l,
// resolved to the objects themselves (one GET or one LIST per type), as the resource builder does.
import { StatusError } from '../../engine/api/errors.js';
import type { ResourceType } from '../../engine/api/types.js';
import type { KubeObject } from '../../engine/objects.js';
import { UsageError, type KubectlContext } from '../host.js';
import { refOf } from '../resource-types.js';
import { parseTargets } from './get.js';

export interface Target {
  type: ResourceType;
  object: KubeObject;
}

export interface Selection {
  all?: boolean;
  selector?: string;
  namespace: string;
  allNamespaces?: boolean;
}

export async function resolveTargets(ctx: KubectlContext, resourceArgs: string[], sel: Selection, command: string): Promise<Target[]> {
  if (!resourceArgs.length) throw new UsageError(`You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
  const requests = parseTargets(resourceArgs);
  const out: Target[] = [];
  for (const req of requests) {
    if (req.names.length) {
      if (sel.all || sel.selector) throw new UsageError(`name cannot be provided when a selector is specified`);
      for (const name of req.names) out.push({ type: req.type, object: await ctx.host.api.get(refOf(req.type, sel.namespace, name)) });
      continue;
    }
    if (!sel.all && !sel.selector) throw new UsageError('resource(s) were provided, but no name was specified');
    const list = await ctx.host.api.list(refOf(req.type, sel.allNamespaces ? undefined : sel.namespace), { labelSelector: sel.selector });
    for (const object of list.items) out.push({ type: req.type, object });
  }
  return out;
}

/**
 * The resource builder's LIST: a 400 or 404 keeps its reason but names what was listed, as
 * `Unable to find "/v1, Resource=pods" that match label selector "", field selector "x=y": …`.
 */
export async function listSelected(ctx: KubectlContext, type: ResourceType, namespace: string | undefined, sel: { labelSelector?: string; fieldSelector?: string }) {
  try {
    return await ctx.host.api.list(refOf(type, namespace), sel);
  } catch (e) {
    if (!(e instanceof StatusError) || (e.code !== 400 && e.code !== 404)) throw e;
    const resource = `${type.group ? `${type.group}/` : '/'}${type.version}, Resource=${type.resource}`;
    const message = sel.labelSelector || sel.fieldSelector
      ? `Unable to find ${JSON.stringify(resource)} that match label selector ${JSON.stringify(sel.labelSelector ?? '')}, field selector ${JSON.stringify(sel.fieldSelector ?? '')}: ${e.status.message}`
      : `Unable to list ${JSON.stringify(resource)}: ${e.status.message}`;
    throw new StatusError({ ...e.status, message });
  }
}
