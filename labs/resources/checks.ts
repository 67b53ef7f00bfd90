// The resources lab's TypeScript check: memory-demo runs and has stopped being OOMKilled. A plain
// "phase Running" would pass in the short moments between two OOM kills, so the check also
// reads the container's last termination and its limit.
import { fail, pass, type CheckOutcome, type GradingState } from '../../sandbox/grading/check';
import type { FunctionCheck } from '../../sandbox/grading/declarative';
import { findObject } from '../../sandbox/grading/queries';

interface ContainerStatus {
  ready?: boolean;
  restartCount?: number;
  state?: { running?: object };
  lastState?: { terminated?: { reason?: string } };
}

function memoryDemoFits(state: GradingState): CheckOutcome {
  const pod = findObject(state, 'Pod', 'default', 'memory-demo');
  if (!pod) return fail('There is no Pod `memory-demo`: `kubectl apply -f memory-demo.yaml`.');
  const limit = (pod.spec as { containers?: { resources?: { limits?: { memory?: string } } }[] }).containers?.[0]?.resources?.limits?.memory ?? 'none';
  const status = (pod.status as { containerStatuses?: ContainerStatus[] } | undefined)?.containerStatuses?.[0];
  if (status?.lastState?.terminated?.reason === 'OOMKilled' || !status?.state?.running) {
    return fail(`Pod \`memory-demo\` (memory limit ${limit}) is not running steadily: its container asks for 250M and is OOMKilled above the limit. Raise \`limits.memory\` to 300Mi, delete the Pod and apply the file again.`);
  }
  return pass(`memory-demo runs with a memory limit of ${limit} and has not been OOMKilled.`);
}

export const functions: Record<string, FunctionCheck> = {
  'resources/memory-demo-fits': { kinds: ['Pod'], evaluate: memoryDemoFits },
};
