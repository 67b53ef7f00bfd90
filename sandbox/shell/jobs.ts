// Background jobs (`cmd &`, `jobs`, `kill %1`, `fg`): a job runs beside the prompt with its own
// interrupt, its output going to the terminal as a real background job's does; bash reports its end
// ("[1]+  Done …") before the next prompt.
import type { AndOr, Command, Word } from './ast.js';
import { Interrupt } from './io.js';

export interface Job {
  id: number;
  /** The command as bash shows it in `jobs` and notices. */
  text: string;
  /** What `$!` and `[1] 4242` show: a stable number per job, no real process behind it. */
  pid: number;
  interrupt: Interrupt;
  done: Promise<number>;
  status?: number;
  killed: boolean;
  reported: boolean;
}

const FIRST_PID = 4242;

export class JobTable {
  private jobs: Job[] = [];
  private nextPid = FIRST_PID;

  start(text: string, run: (interrupt: Interrupt) => Promise<number>): Job {
    const id = this.jobs.length ? Math.max(...this.jobs.map((j) => j.id)) + 1 : 1;
    const interrupt = new Interrupt();
    const job: Job = { id, text, pid: this.nextPid++, interrupt, killed: false, reported: false, done: Promise.resolve(0) };
    job.done = run(interrupt).then(
      (s) => (job.status = s),
      () => (job.status = 1),
    );
    this.jobs.push(job);
    return job;
  }

  /** The job a jobspec names: %1, %%, %+ (the current one), %- (the one before), or a pid. */
  find(spec: string): Job | undefined {
    const live = this.jobs.filter((j) => !j.reported);
    if (spec === '%%' || spec === '%+' || spec === '%') return live.at(-1);
    if (spec === '%-') return live.at(-2);
    if (spec.startsWith('%')) return live.find((j) => j.id === Number(spec.slice(1)));
    return live.find((j) => j.pid === Number(spec));
  }

  kill(job: Job): void {
    job.killed = true;
    job.interrupt.raise();
  }

  /** `jobs`: every job not yet reported, running or just finished (finished ones are reported now). */
  list(): string {
    const out = this.jobs.filter((j) => !j.reported).map((j, i, all) => this.line(j, i, all.length, j.status === undefined ? ' &' : ''));
    this.forgetFinished();
    return out.join('');
  }

  /** The notices bash prints before a prompt for jobs that ended since the last one. */
  notices(): string {
    const all = this.jobs.filter((j) => !j.reported);
    const out = all.map((j, i) => (j.status === undefined ? '' : this.line(j, i, all.length, ''))).join('');
    this.forgetFinished();
    return out;
  }

  /** Removes a job that `fg` brought to the foreground. */
  forget(job: Job): void {
    job.reported = true;
    this.jobs = this.jobs.filter((j) => j !== job);
  }

  private forgetFinished(): void {
    for (const j of this.jobs) if (j.status !== undefined) j.reported = true;
    this.jobs = this.jobs.filter((j) => !j.reported);
  }

  private line(j: Job, index: number, count: number, suffix: string): string {
    const mark = index === count - 1 ? '+' : index === count - 2 ? '-' : ' ';
    return `[${j.id}]${mark}  ${stateOf(j).padEnd(22)}  ${j.text}${suffix}\n`;
  }
}

function stateOf(j: Job): string {
  if (j.status === undefined) return 'Running';
  if (j.killed) return 'Terminated';
  if (j.status === 0) return 'Done';
  return `Exit ${j.status}`;
}

/** The command line of a job, from its syntax tree (bash shows the text as typed). */
export function describeAndOr(node: AndOr): string {
  const pipes = [node.first, ...node.rest.map((r) => r.pipeline)].map((p) => (p.negated ? '! ' : '') + p.commands.map(describeCommand).join(' | '));
  return pipes.reduce((acc, p, i) => (i === 0 ? p : `${acc} ${node.rest[i - 1].op} ${p}`), '');
}

function describeCommand(c: Command): string {
  if (c.type !== 'simple') return c.type === 'function' ? `${c.name} ()` : c.type;
  return [...c.assigns.map((a) => `${a.name}=${describeWord(a.value)}`), ...c.words.map(describeWord)].join(' ');
}

function describeWord(w: Word): string {
  return w.parts.map((p) => (p.kind === 'lit' ? p.text : p.kind === 'param' ? `$${p.name}` : `$(${p.script})`)).join('');
}
