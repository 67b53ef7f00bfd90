import { describe, expect, it } from 'vitest';
import { actualOf, cronJob, deployment, expectedOf, job, statusFor, stored, template, workload, type Case } from './testing.js';

function runCases(cases: Case[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => expect(actualOf(c)).toEqual(expectedOf(c)));
}

const R = 'FieldValueRequired';
const I = 'FieldValueInvalid';
const NS = 'FieldValueNotSupported';
const F = 'FieldValueForbidden';
const MISMATCH = '`selector` does not match template `labels`';

describe('deployments', () => {
  runCases([
    {
      name: 'negative replicas',
      obj: deployment({ replicas: -1 }),
      message: 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      causes: [[I, 'spec.replicas']],
    },
    {
      name: 'selector does not match the template labels',
      obj: deployment({ selector: { matchLabels: { app: 'x' } } }),
      message: `Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: ${MISMATCH}`,
      causes: [[I, 'spec.template.metadata.labels']],
    },
    {
      name: 'selector missing',
      obj: deployment({ selector: undefined }),
      message: `Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: ${MISMATCH}]`,
      causes: [
        [R, 'spec.selector'],
        [I, 'spec.template.metadata.labels'],
      ],
    },
    {
      name: 'template without labels',
      obj: deployment({ template: template({}, null) }),
      message: `Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string(nil): ${MISMATCH}`,
      causes: [[I, 'spec.template.metadata.labels']],
    },
    {
      name: 'empty selector',
      obj: deployment({ selector: {} }),
      message:
        'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      causes: [[I, 'spec.selector']],
    },
    {
      name: 'selector operator misspelled',
      obj: deployment({ selector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] } }),
      message:
        'Deployment.apps "web" is invalid: [spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator, spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Equals", Values:[]string{"web"}}}}: invalid label selector]',
      causes: [
        [I, 'spec.selector.matchExpressions[0].operator'],
        [I, 'spec.selector'],
      ],
    },
    {
      name: 'restartPolicy Never in the template',
      obj: deployment({ template: template({ restartPolicy: 'Never' }) }),
      message: 'Deployment.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      causes: [[NS, 'spec.template.spec.restartPolicy']],
    },
    {
      name: 'template label value invalid (reported at template.labels)',
      obj: deployment({ selector: { matchLabels: { app: 'web' } }, template: template({}, { app: 'web', tier: '-front' }) }),
      message:
        "Deployment.apps \"web\" is invalid: spec.template.labels: Invalid value: \"-front\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      causes: [[I, 'spec.template.labels']],
    },
    {
      name: 'unknown strategy type',
      obj: deployment({ strategy: { type: 'Rolling' } }),
      message:
        'Deployment.apps "web" is invalid: spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
      causes: [[NS, 'spec.strategy']],
    },
    {
      name: 'Recreate with rollingUpdate',
      obj: deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }),
      message: "Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
      causes: [[F, 'spec.strategy.rollingUpdate']],
    },
    {
      name: 'maxSurge and maxUnavailable both 0',
      obj: deployment({ strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
      message:
        'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
      causes: [[I, 'spec.strategy.rollingUpdate.maxUnavailable']],
    },
    {
      name: 'maxSurge not a percent',
      obj: deployment({ strategy: { rollingUpdate: { maxSurge: '25' } } }),
      message:
        "Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"25\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      causes: [[I, 'spec.strategy.rollingUpdate.maxSurge']],
    },
    {
      name: 'progressDeadlineSeconds not above minReadySeconds',
      obj: deployment({ minReadySeconds: 30, progressDeadlineSeconds: 10 }),
      message: 'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds',
      causes: [[I, 'spec.progressDeadlineSeconds']],
    },
    {
      name: 'selector changed on update',
      obj: stored(deployment({ selector: { matchLabels: { app: 'api' } }, template: template({}, { app: 'api' }) })),
      old: stored(deployment()),
      message:
        'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"api"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
      causes: [[I, 'spec.selector']],
    },
  ]);

  it('accepts a valid deployment and a scale-up', () => {
    expect(statusFor(deployment())).toBeUndefined();
    expect(statusFor(stored(deployment({ replicas: 5 })), stored(deployment()))).toBeUndefined();
  });
});

describe('replicasets, daemonsets, statefulsets', () => {
  runCases([
    {
      name: 'replicaset empty selector says deployment, as in Go',
      obj: workload('ReplicaSet', { selector: {} }),
      message:
        'ReplicaSet.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      causes: [[I, 'spec.selector']],
    },
    {
      name: 'daemonset restartPolicy OnFailure',
      obj: workload('DaemonSet', { template: template({ restartPolicy: 'OnFailure' }) }),
      message: 'DaemonSet.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      causes: [[NS, 'spec.template.spec.restartPolicy']],
    },
    {
      name: 'daemonset selector mismatch',
      obj: workload('DaemonSet', { selector: { matchLabels: { app: 'agent' } } }),
      message: `DaemonSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: ${MISMATCH}`,
      causes: [[I, 'spec.template.metadata.labels']],
    },
    {
      name: 'statefulset podManagementPolicy',
      obj: workload('StatefulSet', { serviceName: 'web', podManagementPolicy: 'Sequential' }),
      message: "StatefulSet.apps \"web\" is invalid: spec.podManagementPolicy: Invalid value: \"Sequential\": must be 'OrderedReady' or 'Parallel'",
      causes: [[I, 'spec.podManagementPolicy']],
    },
    {
      name: 'statefulset update of serviceName',
      obj: stored(workload('StatefulSet', { serviceName: 'db' })),
      old: stored(workload('StatefulSet', { serviceName: 'web' })),
      message:
        "StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      causes: [[F, 'spec']],
    },
  ]);
});

describe('jobs and cronjobs', () => {
  runCases([
    {
      name: 'job without restartPolicy (defaulted to Always)',
      obj: job({ template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } }),
      message: 'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
      causes: [[R, 'spec.template.spec.restartPolicy']],
    },
    {
      name: 'job restartPolicy unsupported',
      obj: job({ template: { spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Sometimes' } } }),
      message:
        'Job.batch "pi" is invalid: [spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never", spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"]',
      causes: [
        [NS, 'spec.template.spec.restartPolicy'],
        [NS, 'spec.template.spec.restartPolicy'],
      ],
    },
    {
      name: 'negative backoffLimit',
      obj: job({ backoffLimit: -1 }),
      message: 'Job.batch "pi" is invalid: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0',
      causes: [[I, 'spec.backoffLimit']],
    },
    {
      name: 'completions changed on update',
      obj: stored(job({ completions: 3 })),
      old: stored(job({ completions: 1 })),
      message: 'Job.batch "pi" is invalid: spec.completions: Invalid value: 3: field is immutable',
      causes: [[I, 'spec.completions']],
    },
    {
      name: 'cron schedule with one field',
      obj: cronJob({ schedule: 'x' }),
      message: 'CronJob.batch "tick" is invalid: spec.schedule: Invalid value: "x": expected exactly 5 fields, found 1: [x]',
      causes: [[I, 'spec.schedule']],
    },
    {
      name: 'cron minute out of range',
      obj: cronJob({ schedule: '60 * * * *' }),
      message: 'CronJob.batch "tick" is invalid: spec.schedule: Invalid value: "60 * * * *": end of range (60) above maximum (59): 60',
      causes: [[I, 'spec.schedule']],
    },
    {
      name: 'cron day name misspelled',
      obj: cronJob({ schedule: '0 9 * * monday' }),
      message: 'CronJob.batch "tick" is invalid: spec.schedule: Invalid value: "0 9 * * monday": failed to parse int from monday: strconv.Atoi: parsing "monday": invalid syntax',
      causes: [[I, 'spec.schedule']],
    },
    {
      name: 'cron TZ in the schedule',
      obj: cronJob({ schedule: 'TZ=UTC 0 9 * * *' }),
      message: 'CronJob.batch "tick" is invalid: spec.schedule: Invalid value: "TZ=UTC 0 9 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      causes: [[I, 'spec.schedule']],
    },
    {
      name: 'concurrencyPolicy unsupported',
      obj: cronJob({ concurrencyPolicy: 'Never' }),
      message: 'CronJob.batch "tick" is invalid: spec.concurrencyPolicy: Unsupported value: "Never": supported values: "Allow", "Forbid", "Replace"',
      causes: [[NS, 'spec.concurrencyPolicy']],
    },
    {
      name: 'cronjob name over 52 characters',
      obj: cronJob({}, 'a'.repeat(53)),
      message: `CronJob.batch "${'a'.repeat(53)}" is invalid: metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`,
      causes: [[I, 'metadata.name']],
    },
    {
      name: 'cronjob template with restartPolicy Always',
      obj: cronJob({ jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Always' } } } } }),
      message: 'CronJob.batch "tick" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
      causes: [[R, 'spec.jobTemplate.spec.template.spec.restartPolicy']],
    },
  ]);

  it('accepts valid jobs and cronjobs', () => {
    expect(statusFor(job())).toBeUndefined();
    expect(statusFor(cronJob())).toBeUndefined();
    expect(statusFor(cronJob({ schedule: '@hourly' }))).toBeUndefined();
    expect(statusFor(cronJob({ schedule: '0 9 * * MON-FRI' }))).toBeUndefined();
  });
});
