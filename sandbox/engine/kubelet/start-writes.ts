// What a container's `sh -c` script writes into its emptyDir mounts when it starts (the init
// container that prepares index.html for the app container): the script runs once in the
// container's shell at start, and writes under an emptyDir mount stay in the pod's volume.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ApiClient } from '../api/types.js';
import type { KubeObject } from '../objects.js';
import { containerEnv } from '../exec/container-env.js';
import { startedContainer } from '../exec/container-mounts.js';
import { runScript } from '../exec/container-shell.js';
import type { PodRecord } from './runtime-state.js';

const SHELL = /^(\/bin\/|\/usr\/bin\/)?(ba)?sh$/;

/** The script of `sh -c '…'` given as command and/or args, if the container runs one. */
function shellScript(spec: Container): { shell: 'sh' | 'bash'; script: string } | undefined {
  const argv = [...(spec.command ?? []), ...(spec.args ?? [])];
  const i = argv.indexOf('-c');
  if (!SHELL.test(argv[0] ?? '') || i < 0 || argv[i + 1] === undefined) return undefined;
  return { shell: argv[0].endsWith('bash') ? 'bash' : 'sh', script: argv[i + 1] };
}

export function runStartWrites(api: ApiClient, pod: Pod, spec: Container, rec: PodRecord, now: number): void {
  const shared = (spec.volumeMounts ?? []).some((m) => pod.spec?.volumes?.some((v) => v.name === m.name && v.emptyDir));
  const run = shared ? shellScript(spec) : undefined;
  if (!run) return;
  const obj = pod as unknown as KubeObject;
  const c = containerEnv(obj, spec.name, [], startedContainer(api, obj, spec.name, now, rec));
  const discard = { out: () => undefined, err: () => undefined };
  runScript(run.script, c, { cwd: '/', status: 0, shell: run.shell }, discard);
}
