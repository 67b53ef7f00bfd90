// create configmap and create secret generic|tls|docker-registry: data from --from-literal,
// --from-file (a file, `key=file`, or a directory's files) and --from-env-file, with the real
// generators' checks and messages (kubectl/pkg/cmd/create/create_configmap.go, create_secret*.go).
import { base64Encode } from '../../../engine/api/continue-token.js';
import { isConfigMapKey, isRelaxedEnvVarName } from '../../../engine/api/validation/names.js';
import type { KubeObject } from '../../../engine/objects.js';
import type { FlagSpec } from '../../flags.js';
import { UsageError } from '../../host.js';
import { configMapHash, secretHash } from './name-hash.js';
import { meta, sliceFlag, sortedMap, stringList, type Generator, type GeneratorInput } from './generator.js';

const SOURCE_FLAGS: FlagSpec[] = [
  { name: 'from-literal', type: 'stringArray' },
  { name: 'from-file', type: 'stringArray' },
  { name: 'from-env-file', type: 'stringArray' },
  { name: 'append-hash', type: 'bool' },
];

type KeyError = (key: string, problems: string[]) => string;
type DuplicateError = (key: string) => string;

interface Sink {
  add(key: string, value: string): void;
}

/** The key/value pairs from the source flags, in the order kubectl reads them. */
function collect(input: GeneratorInput, sink: Sink, badKey: KeyError): void {
  const { flags, ctx } = input;
  const files = sliceFlag(flags['from-file']);
  const literals = stringList(flags['from-literal']);
  const envFiles = sliceFlag(flags['from-env-file']);
  if (envFiles.length && (files.length || literals.length)) throw new UsageError('from-env-file cannot be combined with from-file or from-literal');
  const checked = (key: string, value: string) => {
    const problems = isConfigMapKey(key);
    if (problems.length) throw new UsageError(badKey(key, problems));
    sink.add(key, value);
  };
  for (const source of files) {
    const [key, path] = fileSource(source);
    if (!ctx.host.fs.exists(path)) throw new UsageError(`error reading ${path}: no such file or directory`);
    if (ctx.host.fs.stat(path).type === 'file') {
      checked(key ?? basename(path), ctx.host.fs.readFile(path));
      continue;
    }
    if (key) throw new UsageError(`cannot give a key name for a directory path`);
    const dir = path.replace(/\/$/, '');
    for (const entry of ctx.host.fs.readdir(path).sort()) {
      const full = `${dir}/${entry}`;
      if (ctx.host.fs.stat(full).type === 'file') checked(entry, ctx.host.fs.readFile(full));
    }
  }
  for (const literal of literals) {
    const at = literal.indexOf('=');
    if (at < 0) throw new UsageError(`invalid literal source ${literal}, expected key=value`);
    checked(literal.slice(0, at), literal.slice(at + 1));
  }
  for (const path of envFiles) {
    if (!ctx.host.fs.exists(path)) throw new UsageError(`error reading ${path}: no such file or directory`);
    for (const [key, value] of envFileEntries(ctx.host.fs.readFile(path))) checked(key, value);
  }
}

/** `file`, `key=file`; kubectl refuses a second `=` and an empty key. */
function fileSource(source: string): [string | undefined, string] {
  const parts = source.split('=');
  if (parts.length === 1) return [undefined, source];
  if (parts.length > 2) throw new UsageError("key names or file paths cannot contain '='");
  if (!parts[0]) throw new UsageError(`key name for file path ${parts[1]} missing`);
  if (!parts[1]) throw new UsageError(`file path for key name ${parts[0]} missing`);
  return [parts[0], parts[1]];
}

const basename = (path: string) => path.replace(/\/+$/, '').split('/').pop() ?? path;

/** Env files: blank lines and `#` comments skipped, leading space trimmed, `KEY` alone is empty. */
function envFileEntries(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  text.replace(/^\uFEFF/, '').split('\n').forEach((raw) => {
    const line = raw.replace(/^\s+/, '');
    if (!line || line.startsWith('#')) return;
    const at = line.indexOf('=');
    const key = at < 0 ? line : line.slice(0, at);
    const problems = isRelaxedEnvVarName(key);
    if (problems.length) throw new UsageError(`${JSON.stringify(key)} is not a valid key name: ${problems.join(';')}`);
    out.push([key, at < 0 ? '' : line.slice(at + 1)]);
  });
  return out;
}

function configMap(input: GeneratorInput): KubeObject {
  const data = new Map<string, string>();
  collect(
    input,
    {
      add(key, value) {
        if (data.has(key)) throw new UsageError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(input.name)}`);
        data.set(key, value);
      },
    },
    (key, problems) => `${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${problems.join(';')}`,
  );
  const sorted = data.size ? sortedMap(data) : undefined;
  const name = input.flags['append-hash'] ? `${input.name}-${configMapHash(input.name, sorted)}` : input.name;
  const obj: Record<string, unknown> = { kind: 'ConfigMap', apiVersion: 'v1', metadata: meta(name, input.explicitNamespace) };
  if (sorted) obj.data = sorted;
  return obj as unknown as KubeObject;
}

function secretData(input: GeneratorInput): Map<string, string> {
  const data = new Map<string, string>();
  collect(
    input,
    {
      add(key, value) {
        if (data.has(key)) throw new UsageError(`cannot add key ${key}, another key by that name already exists`);
        data.set(key, base64Encode(value));
      },
    },
    (key, problems) => `${JSON.stringify(key)} is not valid key name for a Secret ${problems.join(';')}`,
  );
  return data;
}

function secret(input: GeneratorInput, data: Map<string, string>, type: string | undefined): KubeObject {
  const sorted = data.size ? sortedMap(data) : undefined;
  const name = input.flags['append-hash'] ? `${input.name}-${secretHash(input.name, type ?? '', sorted)}` : input.name;
  const obj: Record<string, unknown> = { kind: 'Secret', apiVersion: 'v1', metadata: meta(name, input.explicitNamespace) };
  if (sorted) obj.data = sorted;
  if (type) obj.type = type;
  return obj as unknown as KubeObject;
}

export const CONFIGMAP: Generator = { flags: SOURCE_FLAGS, build: configMap, wrapErrors: 'failed to create configmap: ' };

/** create_secret*.go wrap without a colon. */
const SECRET_WRAP = 'failed to create secret ';

export const SECRET_GENERIC: Generator = {
  flags: [...SOURCE_FLAGS, { name: 'type', type: 'string' }],
  build: (input) => secret(input, secretData(input), input.flags.type as string | undefined),
  wrapErrors: SECRET_WRAP,
};

export const SECRET_TLS: Generator = {
  flags: [{ name: 'cert', type: 'string' }, { name: 'key', type: 'string' }, { name: 'append-hash', type: 'bool' }],
  wrapErrors: SECRET_WRAP,
  build(input) {
    const { cert, key } = input.flags as { cert?: string; key?: string };
    if (!cert || !key) throw new UsageError('key and cert must be specified');
    const read = (path: string) => {
      if (!input.ctx.host.fs.exists(path)) throw new UsageError(`Cannot read file ${path}, open ${path}: no such file or directory`);
      return input.ctx.host.fs.readFile(path);
    };
    const [certPem, keyPem] = [read(cert), read(key)];
    // tls.X509KeyPair's first checks; the cryptographic match of key and certificate is not simulated.
    if (!/-----BEGIN [A-Z ]*CERTIFICATE-----/.test(certPem)) throw new UsageError('tls: failed to find any PEM data in certificate input');
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(keyPem)) throw new UsageError('tls: failed to find any PEM data in key input');
    const data = new Map([
      ['tls.crt', base64Encode(certPem)],
      ['tls.key', base64Encode(keyPem)],
    ]);
    return secret(input, data, 'kubernetes.io/tls');
  },
};

export const SECRET_DOCKER_REGISTRY: Generator = {
  flags: [
    { name: 'docker-username', type: 'string' },
    { name: 'docker-password', type: 'string' },
    { name: 'docker-email', type: 'string' },
    { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/' },
    { name: 'from-file', type: 'stringArray' },
    { name: 'append-hash', type: 'bool' },
  ],
  wrapErrors: SECRET_WRAP,
  build(input) {
    const f = input.flags as Record<string, string | undefined>;
    if (input.flags['from-file'] !== undefined) return secret(input, secretData(input), 'kubernetes.io/dockerconfigjson');
    if (!f['docker-username'] || !f['docker-password'] || !f['docker-server']) {
      throw new UsageError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    }
    // DockerConfigJSON in Go field order; email is omitempty.
    const entry: Record<string, string> = { username: f['docker-username'], password: f['docker-password'] };
    if (f['docker-email']) entry.email = f['docker-email'];
    entry.auth = base64Encode(`${f['docker-username']}:${f['docker-password']}`);
    const json = JSON.stringify({ auths: { [f['docker-server']]: entry } });
    return secret(input, new Map([['.dockerconfigjson', base64Encode(json)]]), 'kubernetes.io/dockerconfigjson');
  },
};
