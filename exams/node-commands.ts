// Setup commands run as root on a node before the exam starts (`systemctl stop kubelet` on
// node01), through the node's own shell commands, so the node is broken the way a candidate's
// tools then report it (systemctl status says inactive, journalctl shows the stop). They run
// synchronously inside setupExamCluster: one simple command per line, no pipes, redirections or
// quotes, and only commands that finish at once (the node tools do).
import type { Engine } from '../sandbox/engine/engine';
import { createCommands } from '../sandbox/shell/commands/index';
import type { CommandIO } from '../sandbox/shell/io';
import { Interrupt } from '../sandbox/shell/io';
import { Shell } from '../sandbox/shell/interpreter';
import { NodeFs } from '../sandbox/shell/node-fs';

const SIMPLE = /^[\w./:=@-]+(?:\s+[\w./:=@-]+)*$/;

/** Runs `line` on `node` as root; throws with the command's output when it fails. */
export function runNodeCommand(engine: Engine, node: string, line: string): void {
  if (!SIMPLE.test(line.trim())) throw new Error(`setup command ${JSON.stringify(line)}: only simple commands (words, no quotes, pipes or redirections)`);
  const [name, ...args] = line.trim().split(/\s+/);
  const commands = createCommands({ api: engine.client('kubelab-setup'), clock: engine.clock, cluster: engine });
  const command = commands.get(name);
  if (!command) throw new Error(`setup command ${JSON.stringify(line)}: no command ${name} on the node`);
  const now = () => engine.clock.now();
  const shell = new Shell({ fs: NodeFs.of(engine, node, now).fs, commands, sleep: async () => {}, now });
  shell.setVar('HOSTNAME', node);
  let output = '';
  const io: CommandIO = { stdin: '', stdinIsTerminal: false, stdoutIsTerminal: false, out: (s) => (output += s), err: (s) => (output += s), interrupt: new Interrupt() };
  const status = command({ name, args, io, shell });
  if (typeof status !== 'number') throw new Error(`setup command ${JSON.stringify(line)} does not finish at once; setup commands must`);
  if (status !== 0) throw new Error(`setup command ${JSON.stringify(line)} on ${node} exited with status ${status}: ${output.trim()}`);
}
