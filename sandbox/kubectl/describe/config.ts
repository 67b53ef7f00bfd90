// ConfigMaps, Secrets and ServiceAccounts. Go walks ConfigMap and Secret data in map order,
// which varies from run to run; we print keys sorted.
import type { KubeObject } from '../../engine/objects.js';
import { describeEvents } from './events.js';
import { printAnnotations, printLabels, sortedKeys, type Json } from './format.js';
import type { DescribeSettings } from './registry.js';
import { eventsFor } from './workloads.js';
import { DescribeWriter, LEVEL_0 } from './writer.js';

const SECRETS = { group: '', version: 'v1', resource: 'secrets' };

function header(w: DescribeWriter, obj: Json): void {
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace}\n`);
  printLabels(w, 'Labels', obj.metadata.labels);
  printAnnotations(w, 'Annotations', obj.metadata.annotations);
}

export async function describeConfigMap(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const cm = obj as Json;
  const w = new DescribeWriter();
  header(w, cm);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of sortedKeys(cm.data)) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${cm.data[k]}\n`);
    w.write(LEVEL_0, '\n');
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const k of sortedKeys(cm.binaryData)) w.write(LEVEL_0, `${k}: ${base64Length(cm.binaryData[k])} bytes\n`);
  w.write(LEVEL_0, '\n');
  const events = await eventsFor(s, obj);
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}

/** Secrets have no events section. A service-account token is shown; other values only by size. */
export async function describeSecret(_s: DescribeSettings, obj: KubeObject): Promise<string> {
  const secret = obj as Json;
  const w = new DescribeWriter();
  header(w, secret);
  w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of sortedKeys(secret.data)) {
    if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${decodeBase64(secret.data[k])}\n`);
    else w.write(LEVEL_0, `${k}:\t${base64Length(secret.data[k])} bytes\n`);
  }
  return w.toString();
}

const decodeBase64 = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));

function base64Length(b64: string | undefined): number {
  const s = (b64 ?? '').replace(/=+$/, '');
  return Math.floor((s.length * 3) / 4);
}

export async function describeServiceAccount(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const sa = obj as Json;
  const secrets = (await s.api.list({ ...SECRETS, namespace: sa.metadata.namespace }, { limit: 500 })).items as Json[];
  const existing = new Set(secrets.map((x) => x.metadata.name));
  const tokens = secrets.filter((x) => x.type === 'kubernetes.io/service-account-token' && x.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name && x.metadata.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata.uid);
  const events = await eventsFor(s, obj);
  const w = new DescribeWriter();
  header(w, sa);
  // Headers padded to one width and listed in sorted order, as describe.go does.
  const sections: Array<[string, string[]]> = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((x: Json) => x.name)],
    ['Mountable secrets: ', (sa.secrets ?? []).map((x: Json) => x.name)],
    ['Tokens:            ', tokens.map((x) => x.metadata.name)],
  ];
  for (const [title, names] of sections) {
    if (!names.length) {
      w.write(LEVEL_0, `${title}\t<none>\n`);
      continue;
    }
    names.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? title : ' '.repeat(19)}\t${name}${existing.has(name) ? '' : ' (not found)'}\n`));
  }
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}
