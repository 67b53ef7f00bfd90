// What a started container's main process does, from its command/args and its image: serve
// until stopped, or exit with a code after some time. A first slice of `sh -c` behaviour:
// `sleep N`, `sleep infinity`, `while true`, `tail -f`, `exit N` and `echo` output. Richer shell
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

export function planProcess(c: Container, image: ImageSpec | undefined): ProcessPlan {
  const custom = [...(c.command ?? []), ...(c.args ?? [])];
  if (custom.length === 0 || (!c.command && image?.process.kind === 'serve')) {
    const p = image?.process ?? { kind: 'serve' };
    return p.kind === 'serve' ? { exitCode: 0, output: [] } : { exitAfterMs: p.afterMs, exitCode: p.code, output: [] };
  }
  const script = custom.join(' ');
  const output = echoed(script);
  if (/\bsleep\s+inf(inity)?\b|\bwhile\s+(true|:)|\btail\s+-f\b/.test(script)) return { exitCode: 0, output };
  const exit = /\bexit\s+(\d+)/.exec(script);
  const code = exit ? Number(exit[1]) : 0;
  const sleep = /\bsleep\s+(\d+(?:\.\d+)?)/.exec(script);
  if (sleep) return { exitAfterMs: Math.round(Number(sleep[1]) * 1000), exitCode: code, output };
  // A server image with its own binary as command keeps serving; a shell one-liner ends.
  if (image?.process.kind === 'serve' && !/^(sh|bash|\/bin\/sh|\/bin\/bash|echo|true|false)$/.test(custom[0])) return { exitCode: 0, output };
  return { exitAfterMs: 50, exitCode: custom[0] === 'false' ? 1 : code, output };
}
