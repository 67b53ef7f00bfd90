// Jobs and CronJobs (describeJob, describeCronJob).
import { selectorString } from '../../engine/api/table/format.js';
import { humanDuration } from '../../engine/api/table/index.js';
import type { KubeObject } from '../../engine/objects.js';
import { describeEvents } from './events.js';
import { controllerOf, printAnnotations, printBoolPtr, printLabels, rfc1123z, type Json } from './format.js';
import type { DescribeSettings } from './registry.js';
import { describePodTemplate, eventsFor } from './workloads.js';
import { DescribeWriter, LEVEL_0 } from './writer.js';

const isSet = (v: unknown) => v !== undefined && v !== null;

export async function describeJob(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const job = obj as Json;
  const events = await eventsFor(s, obj);
  const spec = job.spec ?? {};
  const status = job.status ?? {};
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector) ?? ''}\n`);
  printLabels(w, 'Labels', job.metadata.labels);
  printAnnotations(w, 'Annotations', job.metadata.annotations);
  const controlledBy = controllerOf(job);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (isSet(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(LEVEL_0, `Completions:\t${isSet(spec.completions) ? spec.completions : '<unset>'}\n`);
  if (spec.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  if (isSet(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
  if (isSet(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (isSet(spec.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
  if (status.startTime && status.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(status.completionTime) - Date.parse(status.startTime))}\n`);
  if (isSet(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const counts = `${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
  w.write(LEVEL_0, isSet(status.ready) ? `Pods Statuses:\t${status.active ?? 0} Active (${status.ready} Ready) / ${counts}\n` : `Pods Statuses:\t${status.active ?? 0} Active / ${counts}\n`);
  if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(status.completedIndexes ?? '', 50)}\n`);
  describePodTemplate(w, spec.template);
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}

function capIndexes(indexes: string, softLimit: number): string {
  if (!indexes) return '<none>';
  const ix = indexes.indexOf(',', softLimit);
  return ix < 0 ? indexes : indexes.slice(0, ix + 1) + '...';
}

export async function describeCronJob(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const cj = obj as Json;
  const events = await eventsFor(s, obj);
  const spec = cj.spec ?? {};
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace}\n`);
  printLabels(w, 'Labels', cj.metadata.labels);
  printAnnotations(w, 'Annotations', cj.metadata.annotations);
  w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`);
  w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec.suspend)}\n`);
  w.write(LEVEL_0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${isSet(spec.startingDeadlineSeconds) ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
  const jobSpec = spec.jobTemplate?.spec ?? {};
  w.write(LEVEL_0, `Selector:\t${jobSpec.selector ? (selectorString(jobSpec.selector) ?? '') : '<unset>'}\n`);
  w.write(LEVEL_0, `Parallelism:\t${jobSpec.parallelism ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Completions:\t${jobSpec.completions ?? '<unset>'}\n`);
  if (isSet(jobSpec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${jobSpec.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, jobSpec.template);
  w.write(LEVEL_0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>'}\n`);
  const active = (cj.status?.active ?? []).map((j: Json) => j.name);
  w.write(LEVEL_0, 'Active Jobs:\t');
  w.line(active.length ? active.join(', ') : '<none>');
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}
