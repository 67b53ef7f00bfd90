// kubectl auth can-i (k8s.io/kubectl/pkg/cmd/auth/cani.go, v1.32): a SelfSubjectAccessReview,
// `yes` (exit 0) or `no[ - reason]` (exit 1), with kubectl's warnings for unknown verbs and
// resource types and for cluster-scoped resources checked in a namespace.
import type { UserInfo } from '../../engine/api/types.js';
import { parseFlags, type FlagSpec } from '../flags.js';
import { UsageError, type KubectlContext } from '../host.js';
import { resolveType } from '../resource-types.js';
import { ConnectionRefusedError } from '../client.js';

const FLAGS: FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'subresource', type: 'string', default: '' },
  { name: 'list', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'stringArray' },
];

const SSAR = { group: 'authorization.k8s.io', version: 'v1', resource: 'selfsubjectaccessreviews' };
const RESOURCE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'escalate', 'approve', 'sign'];
const NON_RESOURCE_VERBS = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'];

export async function auth(ctx: KubectlContext, args: string[]): Promise<number> {
  const sub = args.find((a) => !a.startsWith('-'));
  if (sub !== 'can-i') throw new UsageError(sub ? `unknown command "${sub}" for "kubectl auth"` : 'Inspect authorization', undefined);
  return canI(ctx, args.filter((a, i) => i !== args.indexOf(sub)));
}

async function canI(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args, FLAGS, 'auth can-i');
  if (flags.list) throw new UsageError('--list is not supported yet in this terminal; ask about one verb and resource');
  if (positional.length !== 2) throw new UsageError("you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
  if (flags['no-headers']) throw new UsageError('--no-headers cannot be set without --list specified');
  const [verb, what] = positional;
  const namespace = flags['all-namespaces'] ? '' : String(flags.namespace ?? ctx.namespace);
  // kubectl's messages end in a newline and its WarningPrinter adds another: a blank line follows.
  const warn = (text: string) => ctx.io.err(`Warning: ${text}\n\n`);
  let spec: Record<string, unknown>;
  if (what.startsWith('/')) {
    if (flags.subresource) throw new UsageError('--subresource can not be used with NonResourceURL');
    if (!NON_RESOURCE_VERBS.includes(verb)) warn(`verb '${verb}' is not a known verb`);
    spec = { nonResourceAttributes: { verb, path: what } };
  } else {
    const [typed, name] = what.split(/\/(.*)/s);
    let group = '';
    let resource = typed;
    // kubectl maps the resource through discovery: an unreachable server leaves it unknown.
    const refused = await discoveryRefusal(ctx);
    try {
      if (refused) throw refused;
      const type = resolveType(typed);
      group = type.group;
      resource = type.resource;
      if (!type.namespaced && namespace) warn(group ? `resource '${resource}' is not namespace scoped in group '${group}'` : `resource '${resource}' is not namespace scoped`);
    } catch {
      if (typed !== '*') warn(`the server doesn't have a resource type '${typed}'`);
    }
    if (!RESOURCE_VERBS.includes(verb)) warn(`verb '${verb}' is not a known verb`);
    if (refused) throw refused;
    spec = { resourceAttributes: { namespace, verb, group, resource, subresource: String(flags.subresource), name: name ?? '' } };
  }
  const user: UserInfo | undefined = flags.as ? { username: String(flags.as), groups: [...((flags['as-group'] as string[] | undefined) ?? []), 'system:authenticated'] } : undefined;
  const review = await ctx.host.api.create(SSAR, { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec }, { actor: 'kubectl', ...(user ? { user } : {}) });
  const status = (review.status ?? {}) as { allowed?: boolean; reason?: string; evaluationError?: string };
  const say = (text: string) => (flags.quiet ? undefined : ctx.io.out(text));
  if (status.allowed) {
    say('yes\n');
    return 0;
  }
  say(`no${status.reason ? ` - ${status.reason}` : ''}${status.evaluationError ? ` - ${status.evaluationError}` : ''}\n`);
  return 1;
}

async function discoveryRefusal(ctx: KubectlContext): Promise<ConnectionRefusedError | undefined> {
  try {
    await ctx.host.api.discovery();
    return undefined;
  } catch (e) {
    if (e instanceof ConnectionRefusedError) return e;
    throw e;
  }
}
