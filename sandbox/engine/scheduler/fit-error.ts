// The FailedScheduling message (framework.FitError.Error and the default preemption plugin):
// "0/3 nodes are available: <reason histogram>. preemption: 0/3 nodes are available: <…>."
import type { FilterFailure } from './filters.js';

function histogram(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  // sort.Strings over "<count> <reason>", as the scheduler does.
  return [...counts.entries()]
    .map(([r, n]) => `${n} ${r}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(', ');
}

/** Nodes that failed only resolvable filters could be freed by preemption; we model no lower-priority victims. */
function preemptionMessage(failures: FilterFailure[]): string {
  const reasons = failures.map((f) => (f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'));
  return `preemption: 0/${failures.length} nodes are available: ${histogram(reasons)}.`;
}

export function fitErrorMessage(numNodes: number, failures: FilterFailure[]): string {
  let msg = `0/${numNodes} nodes are available:`;
  const reasons = histogram(failures.flatMap((f) => f.reasons));
  if (reasons) msg += ` ${reasons}.`;
  if (failures.length > 0) msg += ` ${preemptionMessage(failures)}`;
  return msg;
}
