// kubectl in TypeScript: the commands learners type, printing what the real kubectl prints.
import type { CommandIO } from '../shell/io.js';
import { apply } from './commands/apply.js';
import { create } from './commands/create.js';
import { del } from './commands/delete.js';
import { describe } from './commands/describe.js';
import { get } from './commands/get.js';
import { run } from './commands/run.js';
import { scale } from './commands/scale.js';
import { OPERATE_COMMANDS } from './commands/operate.js';
import { CONFIG_AND_EDIT_COMMANDS } from './commands/registry-config.js';
import { TOOL_COMMANDS } from './commands/registry-tools.js';
import { formatError } from './errors.js';
import { StatusError } from '../engine/api/errors.js';
import { KlogWriter, logReportedError, logStart, loggingClient, verbosityOf } from './verbose.js';
import { prepareContext } from './context.js';
import { discoveryAttempts, reportingRefusals } from './refused.js';
import { UsageError, type KubectlContext, type KubectlHost } from './host.js';

type Command = (ctx: KubectlContext, args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = { ...OPERATE_COMMANDS, ...CONFIG_AND_EDIT_COMMANDS, ...TOOL_COMMANDS, get, create, apply, delete: del, scale, run, describe };

/** Global flags whose value may follow as the next argument, before the verb too (`kubectl -n ns get pods`). */
const GLOBAL_VALUE_FLAGS = new Set(['--kubeconfig', '--context', '--cluster', '--user', '--server', '-s', '--token', '--namespace', '-n']);

/** The verb is the first argument that is neither a flag nor a global flag's value. */
function verbPosition(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('-')) return i;
    if (GLOBAL_VALUE_FLAGS.has(args[i])) i++;
  }
  return -1;
}

export async function runKubectl(args: string[], io: CommandIO, host: KubectlHost): Promise<number> {
  const verbIndex = verbPosition(args);
  const verb = verbIndex >= 0 ? args[verbIndex] : undefined;
  const rest = args.filter((_, i) => i !== verbIndex);
  if (!verb) {
    io.out('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n');
    return 0;
  }
  const command = COMMANDS[verb];
  if (!command) {
    io.err(`error: unknown command "${verb}" for "kubectl"\n`);
    return 1;
  }
  let errOut = (s: string) => io.err(s);
  try {
    let ctx = prepareContext(verb, rest, io, host);
    ctx = { ...ctx, host: { ...ctx.host, api: reportingRefusals(ctx.host.api, discoveryAttempts(verb, rest), host.clock, (s) => io.err(s)) } };
    const level = verbosityOf(rest);
    if (level >= 6) ctx = withVerbosity(ctx, new KlogWriter(host.clock, (s) => io.err(s)), level, io);
    errOut = ctx.io.err;
    return await command(ctx, rest);
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    if (!('status' in e) && !(e instanceof UsageError)) throw e;
    errOut(formatError(e));
    return 1;
  }
}

/** -v=6 and up: klog lines for the config read and each API request, on stderr. */
function withVerbosity(ctx: KubectlContext, klog: KlogWriter, level: number, io: CommandIO): KubectlContext {
  logStart(klog, ctx.kubeconfig?.path);
  // checkErr logs the Status of an API error it reports, right before the message.
  let failed: StatusError | undefined;
  const err = (text: string) => {
    if (failed && text === formatError(failed)) logReportedError(klog, failed);
    failed = undefined;
    io.err(text);
  };
  const api = loggingClient(ctx.host.api, klog, level, (e) => (failed = e));
  return { ...ctx, io: { ...io, err }, host: { ...ctx.host, api } };
}
