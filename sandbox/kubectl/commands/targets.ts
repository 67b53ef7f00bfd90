// Which objects a command edits: `TYPE NAME…`, `TYPE/NAME…`, or `TYPE` with --all or -l,
// resolved to the objects themselves (one GET or one LIST per type), as the resource builder does.
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
