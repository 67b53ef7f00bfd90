// Commands that need the terminal session itself: `ssh` to a node (a nested login shell) and the
// full-screen editors (vi, vim, nano) that open the page's editor.
import { clusterOf } from '../../engine/cluster.js';
import type { CommandFn, Shell } from '../interpreter.js';
import type { CommandIO, Interrupt } from '../io.js';
import type { Vfs } from '../vfs.js';
import { jobControlCommands } from './job-control.js';

export interface SessionHost {
  cluster?: object;
  /** The node's shell (its files mounted, its own /root). */
  nodeShell(node: string): Shell;
  /** Switches the terminal to the node's shell once the command line ends. */
  login(node: string): void;
  /** The page's editor over `fs`, or undefined when no page is attached. */
  editorFor(fs: Vfs, interrupt: Interrupt, hostname?: string): CommandIO['editor'];
}

const SSH_USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]
           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]
           [-e escape_char] [-F configfile] [-I pkcs11]
           [-i identity_file] [-J destination] [-L address]
           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option]
           [-P tag] [-p port] [-R address] [-S ctl_path] [-W host:port]
           [-w local_tun[:remote_tun]] destination [command [argument ...]]
`;

/** Ubuntu's login banner, as a kubeadm node prints it (the MOTD parts that do not change). */
const MOTD = 'Welcome to Ubuntu 22.04.5 LTS (GNU/Linux 5.15.0-122-generic x86_64)\n\n';

/** ssh options that take a value (skipped with it). */
const SSH_VALUE_OPTIONS = new Set(['-B', '-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-P', '-p', '-R', '-S', '-W', '-w']);

function parseSsh(args: string[]): { destination?: string; command: string[] } {
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) if (SSH_VALUE_OPTIONS.has(args[i])) i++;
  return { destination: args[i], command: args.slice(i + 1) };
}

/** The node a destination names: its name, user@name, or its InternalIP. */
function nodeNamed(cluster: object | undefined, destination: string): string | undefined {
  const host = destination.slice(destination.indexOf('@') + 1);
  const names = (cluster && clusterOf(cluster)?.nodeNames) ?? [];
  if (names.includes(host)) return host;
  const index = /^172\.30\.1\.(\d+)$/.exec(host);
  return index ? names[Number(index[1]) - 2] : undefined;
}

function ssh(host: SessionHost): CommandFn {
  return async ({ args, io }) => {
    const { destination, command } = parseSsh(args);
    if (!destination) {
      io.err(SSH_USAGE);
      return 255;
    }
    const node = nodeNamed(host.cluster, destination);
    if (!node) {
      io.err(`ssh: Could not resolve hostname ${destination.slice(destination.indexOf('@') + 1)}: Temporary failure in name resolution\n`);
      return 255;
    }
    const shell = host.nodeShell(node);
    if (command.length) {
      // `ssh node01 cmd`: runs there without a terminal and returns its status.
      const status = await shell.runSource(command.join(' '), { ...io, stdinIsTerminal: false, input: undefined, editor: host.editorFor(shell.fs, io.interrupt, node) });
      shell.exitRequested = false;
      return status;
    }
    io.out(MOTD);
    host.login(node);
    return 0;
  };
}

/** vi, vim, nano: the page's editor, blocking until the learner closes the file. */
function editorCommand(host: SessionHost): CommandFn {
  return async ({ name, args, io, shell }) => {
    const files = args.filter((a) => !a.startsWith('-') && !a.startsWith('+'));
    const editor = io.editor ?? host.editorFor(shell.fs, io.interrupt, shell.getVar('HOSTNAME'));
    if (!editor) {
      io.err(`${name}: this terminal has no editor: open the lab page to edit files there, or write them with cat <<'EOF' > FILE\n`);
      return 1;
    }
    if (!files.length) {
      io.err(`${name}: give the file to edit: ${name} FILE\n`);
      return 1;
    }
    for (const file of files) {
      await editor.edit(file);
      if (io.interrupt.interrupted) return 130;
    }
    return 0;
  };
}

export function sessionCommands(host: SessionHost): Record<string, CommandFn> {
  const edit = editorCommand(host);
  return { ssh: ssh(host), vi: edit, vim: edit, nano: edit, ...jobControlCommands };
}
