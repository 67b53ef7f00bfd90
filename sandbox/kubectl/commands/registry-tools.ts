// The commands that help write and inspect manifests and reach pods (explain, diff, edit, cp,
// port-forward, completion), registered together in index.ts.
import type { KubectlContext } from '../host.js';
import { completion } from './completion.js';
import { cp } from './cp.js';
import { diff } from './diff.js';
import { edit } from './edit.js';
import { explain } from './explain.js';
import { portForward } from './port-forward.js';

type Command = (ctx: KubectlContext, args: string[]) => Promise<number>;

export const TOOL_COMMANDS: Record<string, Command> = {
  explain,
  diff,
  completion,
  cp,
  edit,
  'port-forward': portForward,
};
