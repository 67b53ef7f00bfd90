// `npm run shell`: the learner shell in your own terminal.
//   npm run shell                                   a fresh in-process default cluster, interactive
//   npm run shell -- --kubeconfig <file> -c '<cmds>' the commands against that cluster over HTTP;
//                                                   prints what the terminal shows, exits with the
//                                                   last command's status
// Node code: this file is the CLI's entry point and never part of the learner's sandbox.
import { runInteractive } from './cli-interactive.js';
import { runScript } from './cli-script.js';

const USAGE = "usage: npm run shell [-- --kubeconfig <file> -c '<commands>']\n";

async function main(argv: string[]): Promise<number> {
  let kubeconfig: string | undefined;
  let script: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--kubeconfig') kubeconfig = argv[++i];
    else if (a.startsWith('--kubeconfig=')) kubeconfig = a.slice('--kubeconfig='.length);
    else if (a === '-c') script = argv[++i];
    else if (a === '-h' || a === '--help') return process.stdout.write(USAGE), 0;
    else return process.stderr.write(`shell: unknown argument ${a}\n${USAGE}`), 2;
  }
  if (script !== undefined) {
    const { status } = await runScript(script, { kubeconfig, out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
    return status;
  }
  if (kubeconfig) return process.stderr.write(`shell: --kubeconfig needs -c '<commands>'\n${USAGE}`), 2;
  return runInteractive();
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(`shell: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  },
);
