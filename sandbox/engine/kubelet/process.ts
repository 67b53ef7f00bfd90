// What a started container's main process does, from its command/args and its image: serve
// until stopped, or exit with a code after some time. A first slice of `sh -c` behaviour:
// `sleep N`, `sleep infinity`, `while true`, `tail -f|-F`, `exit N` and `echo` output. Richer shell
// semantics come from the shell interpreter later.
import type { Container } from 'kubernetes-types/core/v1';
import type { ImageSpec } from '../images/catalogue.js';

export interface ProcessPlan {
  /** Milliseconds after start when the process exits; undefined: it runs until stopped. */
  exitAfterMs?: number;
  exitCode: number;
  /** Lines it writes to stdout when it starts. */
  output: string[];
}

function echoed(script: string): string[] {
  const out: string[] = [];
  for (const m of script.matchAll(/\becho\s+(?:"([^"]*)"|'([^']*)'|([^;&|\n]*))/g)) out.push((m[1] ?? m[2] ?? m[3] ?? '').trim());
  return out;
}

/**
 * `tail -f`, `tail -F`, `tail -n+1 -f file`, `tail -fn 5`, `tail --follow=name`: tail follows and
 * never ends (the docs' logging sidecar: `tail -n+1 -F /var/log/1.log`).
 */
export function followsAFile(script: string): boolean {
  for (const m of script.matchAll(/\btail\b([^;&|\n]*)/g)) {
    const words = m[1].trim().split(/\s+/);
    if (words.some((w) => /^--follow(=|$)/.test(w) || /^-[a-zA-Z0-9+]*[fF]/.test(w))) return true;
  }
  return false;
}

/** busybox and coreutils sleep take a suffix: `sleep 1h`, `sleep 30m`, `sleep 2d`. */
function sleepSeconds(arg: string): number {
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[arg.slice(-1)] ?? 1;
  return parseFloat(arg) * unit;
}

export function planProcess(c: Container, image: ImageSpec | undefined): ProcessPlan {
  const custom = [...(c.command ?? []), ...(c.args ?? [])];
  if (custom.length === 0 || (!c.command && image?.process.kind === 'serve')) {
    const p = image?.process ?? { kind: 'serve' };
    return p.kind === 'serve' ? { exitCode: 0, output: [] } : { exitAfterMs: p.afterMs, exitCode: p.code, output: [] };
  }
  const script = custom.join(' ');
  const output = echoed(script);
  // Loops that never end: `while true`, `while :`, `while sleep 0.01; do …` (the docs' load generator).
  if (/\bsleep\s+inf(inity)?\b|\bwhile\s+(true|:|sleep\b)/.test(script) || followsAFile(script)) return { exitCode: 0, output };
  const exit = /\bexit\s+(\d+)/.exec(script);
  const code = exit ? Number(exit[1]) : 0;
  // Sleeps in sequence add up (`touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600`).
  const sleeps = [...script.matchAll(/\bsleep\s+(\d+(?:\.\d+)?[smhd]?)\b/g)].map((m) => sleepSeconds(m[1]));
  if (sleeps.length) return { exitAfterMs: Math.round(sleeps.reduce((a, b) => a + b, 0) * 1000), exitCode: code, output };
  // A server image with its own binary as command keeps serving; a shell one-liner ends.
  if (image?.process.kind === 'serve' && !/^(sh|bash|\/bin\/sh|\/bin\/bash|echo|true|false)$/.test(custom[0])) return { exitCode: 0, output };
  return { exitAfterMs: 50, exitCode: custom[0] === 'false' ? 1 : code, output };
}

/**
 * The files a `sh -c` script has made or removed `elapsedMs` after it started, following its
 * `touch F`, `echo … > F`, `rm [-f] F` and `sleep N` steps in order (the docs' liveness-exec
 * example: `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600`). An exec probe reads them.
 */
export function scriptFiles(c: Container, elapsedMs: number): { made: Set<string>; removed: Set<string> } {
  const made = new Set<string>();
  const removed = new Set<string>();
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const dashC = argv.indexOf('-c');
  const script = dashC >= 0 ? argv.slice(dashC + 1).join(' ') : argv.join(' ');
  let at = 0;
  for (const step of script.split(/;|&&|\n/)) {
    if (at > elapsedMs) break;
    const words = step.trim().split(/\s+/);
    const sleep = /^sleep\s+(\d+(?:\.\d+)?[smhd]?)\b/.exec(step.trim());
    const redirect = />\s*(\S+)\s*$/.exec(step);
    if (sleep) at += sleepSeconds(sleep[1]) * 1000;
    else if (words[0] === 'touch' || redirect) for (const f of redirect ? [redirect[1]] : words.slice(1)) made.add(f), removed.delete(f);
    else if (words[0] === 'rm') for (const f of words.slice(1).filter((w) => !w.startsWith('-'))) removed.add(f), made.delete(f);
  }
  return { made, removed };
}
