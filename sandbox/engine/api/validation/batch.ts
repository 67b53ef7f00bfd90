// batch/v1 Job and CronJob (pkg/apis/batch/validation, 1.32).
import { GoValue, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import { validatePodTemplateSpec } from './core-pod.js';
import { cronScheduleError } from './cron.js';
import { goLabelSelector, goStringMap, jsonEqual, p, validateImmutable, validateLabelSelector, validateNonnegative, validateObjectMeta, validateObjectMetaUpdate, type Obj } from './meta.js';
import { isDNS1123Label, nameIsDNSSubdomain } from './names.js';
import { selectorKind, selectorMatches } from './selector.js';

const MAX_PARALLELISM_INDEXED = 100000;

function validateJobSpecCommon(spec: Obj, sp: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) {
    errs.push(...validateNonnegative(spec[f], sp.child(f)));
  }
  const mode = spec.completionMode;
  if (mode !== undefined) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(String(sp.child('completionMode')), mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (spec.completions === undefined) errs.push(required(String(sp.child('completions')), 'when completion mode is Indexed'));
      if (spec.parallelism !== undefined && spec.parallelism > MAX_PARALLELISM_INDEXED) {
        errs.push(invalid(String(sp.child('parallelism')), spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
      }
    }
  }
  const prp = spec.podReplacementPolicy;
  if (prp !== undefined && spec.podFailurePolicy && prp !== 'Failed') errs.push(notSupported(String(sp.child('podReplacementPolicy')), prp, ['Failed']));
  else if (prp !== undefined && prp !== 'TerminatingOrFailed' && prp !== 'Failed') {
    errs.push(notSupported(String(sp.child('podReplacementPolicy')), prp, ['Failed', 'TerminatingOrFailed']));
  }
  const template: Obj = spec.template ?? {};
  errs.push(...validatePodTemplateSpec(template, sp.child('template')));
  const restart = template.spec?.restartPolicy ?? '';
  const rp = String(sp.child('template', 'spec', 'restartPolicy'));
  if (restart === 'Always' || restart === '') errs.push(required(rp, 'valid values: "OnFailure", "Never"'));
  else if (restart !== 'OnFailure' && restart !== 'Never') errs.push(notSupported(rp, restart, ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy && restart !== 'Never') errs.push(invalid(rp, restart, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

/**
 * ValidateJobSpec. Without manualSelector the registry generates the selector (from the uid)
 * before validating; a generated selector always matches, so only a given one is checked here.
 */
function validateJobSpec(spec: Obj | undefined, sp: FieldPath): FieldError[] {
  const s = spec ?? {};
  const errs = validateJobSpecCommon(s, sp);
  const generated = s.manualSelector !== true && !s.selector;
  if (generated) return errs;
  if (!s.selector) errs.push(required(String(sp.child('selector'))));
  else errs.push(...validateLabelSelector(s.selector, sp.child('selector')));
  const kind = selectorKind(s.selector);
  if (kind !== 'invalid' && !selectorMatches(s.selector, s.template?.metadata?.labels) && kind !== 'everything') {
    errs.push(invalid(String(sp.child('template', 'metadata', 'labels')), goStringMap(s.template?.metadata?.labels), '`selector` does not match template `labels`'));
  }
  return errs;
}

export function validateJob(job: Obj): FieldError[] {
  const errs = validateObjectMeta(job.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateJobSpec(job.spec, p('spec')));
  const s: Obj = job.spec ?? {};
  if (s.completionMode === 'Indexed' && (s.completions ?? 0) > 0) {
    const hostname = `${job.metadata?.name ?? ''}-${s.completions - 1}`;
    if (isDNS1123Label(hostname).length > 0) {
      errs.push(invalid('metadata.name', job.metadata?.name ?? '', `will not able to create pod with invalid DNS label: ${hostname}`));
    }
  }
  return errs;
}

/** The template may change only while the Job is suspended and has never started (scheduling directives). */
function validateTemplateUpdate(job: Obj, old: Obj, sp: FieldPath): FieldError[] {
  const t: Obj = job.spec?.template ?? {};
  const o: Obj = old.spec?.template ?? {};
  const mutableScheduling = job.spec?.suspend === true && !old.status?.startTime;
  const strip = (x: Obj) =>
    mutableScheduling
      ? { ...x, metadata: { ...x.metadata, labels: undefined, annotations: undefined }, spec: { ...x.spec, nodeSelector: undefined, tolerations: undefined, affinity: undefined, schedulingGates: undefined } }
      : x;
  return jsonEqual(strip(t), strip(o)) ? [] : [invalid(String(sp.child('template')), new GoValue('core.PodTemplateSpec{…}'), 'field is immutable')];
}

export function validateJobUpdate(job: Obj, old: Obj): FieldError[] {
  const sp = p('spec');
  const s: Obj = job.spec ?? {};
  const o: Obj = old.spec ?? {};
  const errs = [...validateObjectMetaUpdate(job.metadata, old.metadata), ...validateJobSpec(s, sp)];
  errs.push(...validateImmutable(s.selector, o.selector, sp.child('selector'), (v) => goLabelSelector(v as Obj)));
  errs.push(...validateTemplateUpdate(job, old, sp));
  errs.push(...validateImmutable(s.completionMode, o.completionMode, sp.child('completionMode')));
  errs.push(...validateImmutable(s.podFailurePolicy, o.podFailurePolicy, sp.child('podFailurePolicy'), () => new GoValue('&batch.PodFailurePolicy{…}')));
  if (!jsonEqual(s.completions, o.completions)) {
    if (s.completionMode !== 'Indexed') errs.push(invalid(String(sp.child('completions')), s.completions ?? null, 'field is immutable'));
    else if (s.completions !== undefined && s.completions !== s.parallelism) {
      errs.push(invalid(String(sp.child('completions')), s.completions, 'can only be modified in tandem with spec.parallelism'));
    }
  }
  return errs;
}

function validateScheduleFormat(schedule: string, allowTZ: boolean, timeZone: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const parseError = cronScheduleError(schedule);
  if (parseError) errs.push(invalid(String(path), schedule, parseError));
  if (allowTZ && schedule.includes('TZ') && timeZone !== undefined) {
    errs.push(invalid(String(path), schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  } else if (!allowTZ && schedule.includes('TZ')) {
    errs.push(invalid(String(path), schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return errs;
}

function validateJobTemplate(template: Obj | undefined, path: FieldPath): FieldError[] {
  const spec: Obj = template?.spec ?? {};
  const errs = validateJobSpecCommon(spec, path.child('spec'));
  if (spec.selector) errs.push(invalid(String(path.child('spec', 'selector')), goLabelSelector(spec.selector), '`selector` will be auto-generated'));
  if (spec.manualSelector === true) errs.push(notSupported(String(path.child('spec', 'manualSelector')), true, ['nil', 'false']));
  return errs;
}

function validateCronJobSpec(spec: Obj | undefined, oldSpec: Obj | undefined): FieldError[] {
  const s = spec ?? {};
  const sp = p('spec');
  const errs: FieldError[] = [];
  if (!s.schedule) errs.push(required(String(sp.child('schedule'))));
  else errs.push(...validateScheduleFormat(s.schedule, String(oldSpec?.schedule ?? '').includes('TZ'), s.timeZone, sp.child('schedule')));
  errs.push(...validateNonnegative(s.startingDeadlineSeconds, sp.child('startingDeadlineSeconds')));
  const cp = s.concurrencyPolicy;
  if (!cp) errs.push(required(String(sp.child('concurrencyPolicy'))));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported(String(sp.child('concurrencyPolicy')), cp, ['Allow', 'Forbid', 'Replace']));
  errs.push(...validateJobTemplate(s.jobTemplate, sp.child('jobTemplate')));
  errs.push(...validateNonnegative(s.successfulJobsHistoryLimit, sp.child('successfulJobsHistoryLimit')));
  errs.push(...validateNonnegative(s.failedJobsHistoryLimit, sp.child('failedJobsHistoryLimit')));
  return errs;
}

export function validateCronJob(cj: Obj): FieldError[] {
  const errs = [...validateObjectMeta(cj.metadata, true, nameIsDNSSubdomain), ...validateCronJobSpec(cj.spec, undefined)];
  const name = String(cj.metadata?.name ?? '');
  if (name.length > 52) errs.push(invalid('metadata.name', name, 'must be no more than 52 characters'));
  return errs;
}

/** Updates skip the 52-character name limit so that old CronJobs stay editable. */
export const validateCronJobUpdate = (cj: Obj, old: Obj) => [...validateObjectMetaUpdate(cj.metadata, old.metadata), ...validateCronJobSpec(cj.spec, old.spec)];
