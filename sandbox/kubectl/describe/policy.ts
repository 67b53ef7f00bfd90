// PodDisruptionBudgets and PriorityClasses.
import { formatLabels, formatLabelSelector } from '../../engine/api/table/format.js';
import type { KubeObject } from '../../engine/objects.js';
import { describeEvents } from './events.js';
import type { Json } from './format.js';
import type { DescribeSettings } from './registry.js';
import { eventsFor } from './workloads.js';
import { DescribeWriter, LEVEL_0, LEVEL_2 } from './writer.js';

export async function describePdb(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const pdb = obj as Json;
  const events = await eventsFor(s, obj);
  const spec = pdb.spec ?? {};
  const status = pdb.status ?? {};
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${pdb.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace}\n`);
  if (spec.minAvailable !== undefined) w.write(LEVEL_0, `Min available:\t${spec.minAvailable}\n`);
  else if (spec.maxUnavailable !== undefined) w.write(LEVEL_0, `Max unavailable:\t${spec.maxUnavailable}\n`);
  w.write(LEVEL_0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`);
  w.write(LEVEL_0, 'Status:\n');
  w.write(LEVEL_2, `Allowed disruptions:\t${status.disruptionsAllowed ?? 0}\n`);
  w.write(LEVEL_2, `Current:\t${status.currentHealthy ?? 0}\n`);
  w.write(LEVEL_2, `Desired:\t${status.desiredHealthy ?? 0}\n`);
  w.write(LEVEL_2, `Total:\t${status.expectedPods ?? 0}\n`);
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}

export async function describePriorityClass(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const pc = obj as Json;
  const events = await eventsFor(s, obj);
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${pc.metadata.name}\n`);
  w.write(LEVEL_0, `Value:\t${pc.value ?? 0}\n`);
  w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
  w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Description:\t${pc.description ?? ''}\n`);
  w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`);
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}
