// create deployment|job|cronjob (create_deployment.go, create_job.go, create_cronjob.go): one
// container per image named after the image (deployment) or the object (job, cronjob), the
// command after `--`, and `create job --from=cronjob/x` copying a CronJob's job template.
import type { KubeObject } from '../../../engine/objects.js';
import { UsageError } from '../../host.js';
import { refOf, resolveType } from '../../resource-types.js';
import { goOrdered } from './go-order.js';
import { meta, stringList, type Generator, type GeneratorInput } from './generator.js';

/** The container name kubectl derives from an image: `nginx:1.27` → `nginx`, `registry.k8s.io/pause` → `pause`. */
export function containerNameFromImage(image: string): string {
  const withoutDigest = image.split('@')[0];
  const last = withoutDigest.split('/').pop()!;
  return last.split(':')[0].toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/** A container in Go field order: name, image, command, ports, resources. */
function container(name: string, image: string, command: string[], port?: number): Record<string, unknown> {
  const c: Record<string, unknown> = { name, image };
  if (command.length) c.command = command;
  if (port !== undefined) c.ports = [{ containerPort: port }];
  c.resources = {};
  return c;
}

function deployment({ name, flags, explicitNamespace, command }: GeneratorInput): KubeObject {
  const images = stringList(flags.image);
  if (images.length > 1 && command.length) throw new UsageError('cannot specify multiple --image options and command');
  const labels = { app: name };
  const port = flags.port !== undefined && flags.port !== -1 ? Number(flags.port) : undefined;
  const containers = images.map((image) => container(containerNameFromImage(image), image, command, port));
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: meta(name, explicitNamespace, { labels }),
    spec: {
      replicas: flags.replicas ?? 1,
      selector: { matchLabels: labels },
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
      strategy: {},
    },
    status: {},
  } as unknown as KubeObject;
}

function podTemplate(name: string, image: string, command: string[], restartPolicy: string): Record<string, unknown> {
  return { metadata: { creationTimestamp: null }, spec: { containers: [container(name, image, command)], restartPolicy } };
}

async function job(input: GeneratorInput): Promise<KubeObject> {
  const { name, flags, explicitNamespace, command } = input;
  const image = flags.image as string | undefined;
  const from = flags.from as string | undefined;
  if (!image === !from) throw new UsageError('either --image or --from must be specified');
  if (from) return jobFromCronJob(input, from);
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: meta(name, explicitNamespace),
    spec: { template: podTemplate(name, image!, command, 'Never') },
    status: {},
  } as unknown as KubeObject;
}

async function jobFromCronJob(input: GeneratorInput, from: string): Promise<KubeObject> {
  const [typed, cronName] = from.split('/', 2);
  if (!cronName) throw new UsageError(`from must be of the form "cronjob/name"`);
  const type = resolveType(typed);
  // The resource builder fetches whatever --from names first, then the type is checked.
  const cron = await input.ctx.host.api.get(refOf(type, input.namespace, cronName));
  if (type.kind !== 'CronJob') throw new UsageError(`unknown object type *v1.${type.kind}`);
  const template = ((cron.spec as Record<string, unknown>).jobTemplate ?? {}) as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown };
  const annotations = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) };
  const extra: Record<string, unknown> = {};
  if (template.metadata?.labels) extra.labels = template.metadata.labels;
  extra.annotations = annotations;
  extra.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cron.metadata.name, uid: cron.metadata.uid, controller: true }];
  // The template comes from the server, decoded into Go structs: its JSON follows their order.
  return goOrdered({ kind: 'Job', apiVersion: 'batch/v1', metadata: meta(input.name, input.explicitNamespace, extra), spec: template.spec ?? {}, status: {} } as unknown as KubeObject);
}

function cronJob({ name, flags, explicitNamespace, command }: GeneratorInput): KubeObject {
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: meta(name, explicitNamespace),
    spec: {
      schedule: flags.schedule,
      jobTemplate: { metadata: { name, creationTimestamp: null }, spec: { template: podTemplate(name, String(flags.image), command, String(flags.restart)) } },
    },
    status: {},
  } as unknown as KubeObject;
}

export const DEPLOYMENT: Generator = {
  flags: [{ name: 'image', type: 'stringArray' }, { name: 'replicas', short: 'r', type: 'int', default: 1 }, { name: 'port', type: 'int', default: -1 }],
  build: deployment,
  required: ['image'],
  wrapErrors: 'failed to create deployment: ',
};

export const JOB: Generator = { flags: [{ name: 'image', type: 'string' }, { name: 'from', type: 'string' }], build: job, wrapErrors: 'failed to create job: ' };

export const CRONJOB: Generator = {
  flags: [{ name: 'image', type: 'string' }, { name: 'schedule', type: 'string' }, { name: 'restart', type: 'string', default: 'OnFailure' }],
  build: cronJob,
  wrapErrors: 'failed to create cronjob: ',
  required: ['image', 'schedule'],
};
