// The commands about the kubeconfig, the cluster and its API, and the edits of single fields
// (label, annotate, patch, expose, set, autoscale), registered together in index.ts.
import type { KubectlContext } from '../host.js';
import { apiResources } from './api-resources.js';
import { config } from './config.js';
import { apiVersions, clusterInfo, version } from './info.js';
import { annotate, label } from './label.js';
import { patch } from './patch.js';
import { setCommand } from './set.js';
import { expose } from './expose.js';
import { autoscale } from './autoscale.js';

type Command = (ctx: KubectlContext, args: string[]) => Promise<number>;

export const CONFIG_AND_EDIT_COMMANDS: Record<string, Command> = {
  config,
  version,
  'api-versions': apiVersions,
  'api-resources': apiResources,
  'cluster-info': clusterInfo,
  label,
  annotate,
  patch,
  set: setCommand,
  expose,
  autoscale,
};
