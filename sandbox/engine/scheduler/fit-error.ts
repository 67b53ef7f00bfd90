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

/** Why preemption found no node: one or more reasons per node, as a histogram. */
export function preemptionMessage(numNodes: number, reasons: string[]): string {
  return `preemption: 0/${numNodes} nodes are available: ${histogram(reasons)}.`;
}

/** The text when no node has lower-priority pods: what it says for a pod of priority 0. */
function noVictimsMessage(failures: FilterFailure[]): string {
  const reasons = failures.map((f) => (f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'));
  return preemptionMessage(failures.length, reasons);
}

/**
 * FitError.Error(): the filter reasons, then what the PostFilter (preemption) said; `postFilter`
 * is that text ('' when preemption nominated a node), or by default the no-victims text.
 */
export function fitErrorMessage(numNodes: number, failures: FilterFailure[], postFilter?: string): string {
  let msg = `0/${numNodes} nodes are available:`;
  const reasons = histogram(failures.flatMap((f) => f.reasons));
  if (reasons) msg += ` ${reasons}.`;
  const post = postFilter ?? (failures.length > 0 ? noVictimsMessage(failures) : '');
  if (post) msg += ` ${post}`;
  return msg;
}
