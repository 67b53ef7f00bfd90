// The commands that operate workloads and nodes, registered in index.ts as one group.
import type { KubectlContext } from '../host.js';
import { auth } from './auth.js';
import { cordon, drain, uncordon } from './drain.js';
import { events } from './events.js';
import { exec } from './exec.js';
import { logs } from './logs.js';
import { rollout } from './rollout.js';
import { taint } from './taint.js';
import { top } from './top.js';
import { waitCommand } from './wait.js';

type Command = (ctx: KubectlContext, args: string[]) => Promise<number>;

export const OPERATE_COMMANDS: Record<string, Command> = { rollout, logs, exec, cordon, uncordon, drain, taint, wait: waitCommand, auth, events, top };
