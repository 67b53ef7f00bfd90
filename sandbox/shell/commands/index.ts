// The command registry of a learner's shell: builtins, coreutils, and kubectl.
import type { Clock } from '../../engine/clock.js';
import type { ApiClient } from '../../engine/api/types.js';
import { inProcessClient } from '../../kubectl/client.js';
import { runKubectl } from '../../kubectl/index.js';
import type { CommandFn } from '../interpreter.js';
import { builtinCommands } from './builtins.js';
import { fileCommands } from './files.js';
import { awk } from './awk.js';
import { miscCommands } from './misc.js';
import { netCommands } from './net.js';
import { sed } from './sed.js';
import { textCommands } from './text.js';

export function createCommands(host: { api: ApiClient; clock: Clock; cluster?: object }): Map<string, CommandFn> {
  const client = inProcessClient(host.api, host.clock, host.cluster);
  const kubectl: CommandFn = ({ args, io, shell }) => runKubectl(args, io, { api: client, clock: host.clock, fs: shell.fs, sleep: (ms, interrupt) => shell.host.sleep(ms, interrupt) });
  return new Map<string, CommandFn>([...Object.entries(builtinCommands), ...Object.entries(fileCommands), ...Object.entries(textCommands), ...Object.entries(miscCommands), ...Object.entries(netCommands(host)), ['sed', sed], ['awk', awk], ['kubectl', kubectl]]);
}
