// jobs, kill, fg, wait: bash's job control over the shell's background jobs (jobs.ts).
import type { CommandFn } from '../interpreter.js';
import { INTERRUPTED_STATUS } from '../io.js';

const KILL_USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

const jobs: CommandFn = ({ io, shell }) => {
  io.out(shell.jobs.list());
  return 0;
};

/** How long kill waits for a signalled job to end, so the next prompt reports it as bash does. */
const KILL_SETTLE_MS = 200;

const kill: CommandFn = async ({ args, io, shell }) => {
  const targets = args.filter((a, i) => !/^-/.test(a) && args[i - 1] !== '-s' && args[i - 1] !== '-n');
  if (args[0] === '-l') {
    io.out(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM\n');
    return 0;
  }
  if (!targets.length) {
    io.err(`bash: ${KILL_USAGE}`);
    return 2;
  }
  let status = 0;
  for (const t of targets) {
    const job = shell.jobs.find(t);
    if (job) {
      shell.jobs.kill(job);
      await Promise.race([job.done, new Promise((r) => setTimeout(r, KILL_SETTLE_MS))]);
    } else {
      io.err(t.startsWith('%') ? `bash: kill: ${t}: no such job\n` : /^\d+$/.test(t) ? `bash: kill: (${t}) - No such process\n` : `bash: kill: ${t}: arguments must be process or job IDs\n`);
      status = 1;
    }
  }
  return status;
};

/** fg: the job takes the terminal again; Ctrl-C then interrupts it. */
const fg: CommandFn = async ({ args, io, shell }) => {
  const spec = args[0] ?? '%+';
  const job = shell.jobs.find(spec);
  if (!job) {
    io.err(args[0] ? `bash: fg: ${spec}: no such job\n` : 'bash: fg: current: no such job\n');
    return 1;
  }
  io.out(job.text + '\n');
  shell.jobs.forget(job);
  const off = io.interrupt.onRaise(() => job.interrupt.raise());
  try {
    return await job.done;
  } finally {
    off();
  }
};

const wait: CommandFn = async ({ args, io, shell }) => {
  const specs = args.length ? args : [];
  const all = specs.length ? specs.map((s) => shell.jobs.find(s)) : [];
  if (!specs.length) {
    // Without arguments, bash waits for every background job.
    for (let job = shell.jobs.find('%+'); job && job.status === undefined; job = shell.jobs.find('%+')) {
      await Promise.race([job.done, io.interrupt.wait()]);
      if (io.interrupt.interrupted) return INTERRUPTED_STATUS;
      shell.jobs.notices();
    }
    return 0;
  }
  let status = 0;
  for (const [i, job] of all.entries()) {
    if (!job) {
      io.err(`bash: wait: ${specs[i]}: no such job\n`);
      status = 127;
      continue;
    }
    status = await Promise.race([job.done, io.interrupt.wait().then(() => INTERRUPTED_STATUS)]);
  }
  return status;
};

export const jobControlCommands: Record<string, CommandFn> = { jobs, kill, fg, wait };
