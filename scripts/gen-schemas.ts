// Generates sandbox/engine/schema/generated/definitions.json: the OpenAPI v2 definitions of every
// type the engine serves, in the real spec's names and shapes.
//
// Source of truth: the npm package kubernetes-models (generated from the real Kubernetes OpenAPI).
// Its .d.ts files carry fields, TypeScript types, required-ness and descriptions; its compiled
// validators (_schemas/*.js) know integer formats (int32/int64) and `byte` strings, which the
// .d.ts files do not, so we ask the validators by feeding them probe values.
// Run: npx tsx scripts/gen-schemas.ts
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { FIELD_PATCH_STRATEGIES, PATCH_EXTENSIONS } from '../sandbox/engine/schema/patch-extensions.js';
import type { Definition, Definitions, Schema } from '../sandbox/engine/schema/types.js';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const MODELS = join(ROOT, 'node_modules/kubernetes-models');
const APIMACHINERY = join(ROOT, 'node_modules/@kubernetes-models/apimachinery');
const OUT = join(ROOT, 'sandbox/engine/schema/generated/definitions.json');

/** The group versions whose types we publish (every one the engine serves), plus apimachinery. */
const SERVED_PREFIXES = [
  'io.k8s.api.core.v1.', 'io.k8s.api.apps.v1.', 'io.k8s.api.batch.v1.', 'io.k8s.api.autoscaling.v1.',
  'io.k8s.api.autoscaling.v2.', 'io.k8s.api.networking.v1.', 'io.k8s.api.discovery.v1.', 'io.k8s.api.rbac.v1.',
  'io.k8s.api.storage.v1.', 'io.k8s.api.coordination.v1.', 'io.k8s.api.policy.v1.', 'io.k8s.api.events.v1.',
  'io.k8s.api.authentication.v1.', 'io.k8s.api.authorization.v1.', 'io.k8s.api.scheduling.v1.', 'io.k8s.apimachinery.',
];

// The descriptions the real spec gives TypeMeta's fields (kubernetes-models types them as literals).
const API_VERSION_DESCRIPTION =
  'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources';
const KIND_DESCRIPTION =
  'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';

/** Type aliases that the real spec describes as formatted strings. */
const SCALAR_DEFINITIONS: Record<string, Schema> = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
};

// Meta types the real spec tags with the kinds they are served as (kubernetes-models types their
// apiVersion/kind as plain strings, so the tags cannot be read off the .d.ts files).
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const SERVED_GROUP_VERSIONS = SERVED_PREFIXES.filter((p) => p.startsWith('io.k8s.api.')).map((p) => {
  const [, , , group, version] = p.split('.');
  return { group: group === 'core' ? '' : ['apps', 'batch', 'autoscaling', 'policy'].includes(group) ? group : group === 'rbac' ? 'rbac.authorization.k8s.io' : `${group}.k8s.io`, version };
});
const META_GVKS: Record<string, Array<{ group: string; kind: string; version: string }>> = {
  [`${META}.Status`]: [{ group: '', kind: 'Status', version: 'v1' }],
  [`${META}.APIResourceList`]: [{ group: '', kind: 'APIResourceList', version: 'v1' }],
  [`${META}.APIGroupList`]: [{ group: '', kind: 'APIGroupList', version: 'v1' }],
  [`${META}.APIGroup`]: [{ group: '', kind: 'APIGroup', version: 'v1' }],
  [`${META}.APIVersions`]: [{ group: '', kind: 'APIVersions', version: 'v1' }],
  [`${META}.DeleteOptions`]: SERVED_GROUP_VERSIONS.map((gv) => ({ group: gv.group, kind: 'DeleteOptions', version: gv.version })),
  [`${META}.WatchEvent`]: SERVED_GROUP_VERSIONS.map((gv) => ({ group: gv.group, kind: 'WatchEvent', version: gv.version })),
};

const UNVERSIONED_NAMES: Record<string, string> = {
  IoK8sApimachineryPkgApiResourceQuantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  IoK8sApimachineryPkgUtilIntstrIntOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  IoK8sApimachineryPkgRuntimeRawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  IoK8sApimachineryPkgVersionInfo: 'io.k8s.apimachinery.pkg.version.Info',
};

/** `IoK8sApiAppsV1DeploymentSpec` → `io.k8s.api.apps.v1.DeploymentSpec` (undefined for other trees). */
export function definitionName(pascal: string): string | undefined {
  if (UNVERSIONED_NAMES[pascal]) return UNVERSIONED_NAMES[pascal];
  const meta = /^IoK8sApimachineryPkgApisMeta(V1)([A-Z]\w*)$/.exec(pascal);
  if (meta) return `io.k8s.apimachinery.pkg.apis.meta.v1.${meta[2]}`;
  const api = /^IoK8sApi([A-Z][a-z0-9]+)(V\d+(?:(?:alpha|beta)\d+)?)([A-Z]\w*)$/.exec(pascal);
  if (api) return `io.k8s.api.${api[1].toLowerCase()}.${api[2].toLowerCase()}.${api[3]}`;
  return undefined;
}

function listDts(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '_schemas') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listDts(full));
    else if (entry.name.endsWith('.d.ts') && entry.name !== 'index.d.ts') out.push(full);
  }
  return out;
}

/** The JSDoc text just before a node, as the real spec's description (paragraphs joined by \n). */
function jsDocText(source: ts.SourceFile, node: ts.Node): string | undefined {
  const ranges = ts.getLeadingCommentRanges(source.text, node.pos) ?? [];
  const doc = ranges.map((r) => source.text.slice(r.pos, r.end)).filter((c) => c.startsWith('/**')).pop();
  if (!doc) return undefined;
  const lines = doc.slice(3, -2).split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
  while (lines.length && lines[0].trim() === '') lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.join('\n').replace(/\\\*/g, '*').replace(/\*\\\//g, '*/');
}

interface Parsed {
  name: string;
  schemaFile: string; // compiled validator module
  def: Definition;
  /** Properties whose number/string format must be probed: property → where the scalar sits. */
  probes: Array<{ prop: string; shape: 'scalar' | 'array' | 'map'; scalar: Schema }>;
}

function convertType(node: ts.TypeNode, prop: string, probes: Parsed['probes'], shape: 'scalar' | 'array' | 'map' = 'scalar'): Schema {
  if (node.kind === ts.SyntaxKind.StringKeyword) {
    const s: Schema = { type: 'string' };
    probes.push({ prop, shape, scalar: s });
    return s;
  }
  if (node.kind === ts.SyntaxKind.NumberKeyword) {
    const s: Schema = { type: 'integer' };
    probes.push({ prop, shape, scalar: s });
    return s;
  }
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean' };
  if (ts.isIndexedAccessTypeNode(node)) return { type: 'string' };
  if (ts.isLiteralTypeNode(node) || ts.isUnionTypeNode(node)) {
    const members: readonly ts.TypeNode[] = ts.isUnionTypeNode(node) ? node.types : [node];
    const values = members.filter((m): m is ts.LiteralTypeNode => ts.isLiteralTypeNode(m)).map((m) => (m.literal as ts.StringLiteral).text);
    if (values.length === members.length && values.length > 0) return { type: 'string', enum: values };
  }
  if (ts.isTypeReferenceNode(node)) {
    const ref = node.typeName.getText();
    if (ref === 'Array' && node.typeArguments?.length === 1) return { type: 'array', items: convertType(node.typeArguments[0], prop, probes, 'array') };
    const name = ref.startsWith('IIoK8s') ? definitionName(ref.slice(1)) : undefined;
    if (name) return { $ref: `#/definitions/${name}` };
    return { type: 'object' };
  }
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (index) return { type: 'object', additionalProperties: convertType(index.type, prop, probes, 'map') };
    return { type: 'object' };
  }
  return { type: 'object' };
}

function parseFile(file: string, schemasDir: string): Parsed | undefined {
  const text = readFileSync(file, 'utf8');
  const alias = /export type \{ (\w+) as IIoK8s(\w+),/.exec(text);
  if (!alias) return undefined;
  const name = definitionName(`IoK8s${alias[2]}`);
  if (!name) return undefined;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const local = alias[1];
  const schemaFile = join(schemasDir, `IoK8s${alias[2]}.js`);
  const probes: Parsed['probes'] = [];
  for (const stmt of source.statements) {
    if (ts.isTypeAliasDeclaration(stmt) && stmt.name.text === local) {
      const def: Definition = { description: jsDocText(source, stmt), ...(SCALAR_DEFINITIONS[name] ?? { type: 'object' }) };
      return { name, schemaFile, def, probes };
    }
    if (ts.isInterfaceDeclaration(stmt) && stmt.name.text === local) {
      return { name, schemaFile, def: interfaceDefinition(source, stmt, name, probes), probes };
    }
  }
  return undefined;
}

function interfaceDefinition(source: ts.SourceFile, decl: ts.InterfaceDeclaration, name: string, probes: Parsed['probes']): Definition {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  let gvk: { apiVersion?: string; kind?: string } | undefined;
  for (const member of decl.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const prop = (member.name as ts.StringLiteral).text;
    const literal = ts.isLiteralTypeNode(member.type) ? (member.type.literal as ts.StringLiteral).text : undefined;
    if ((prop === 'apiVersion' || prop === 'kind') && literal !== undefined) {
      gvk = { ...gvk, [prop]: literal };
      properties[prop] = { description: prop === 'kind' ? KIND_DESCRIPTION : API_VERSION_DESCRIPTION, type: 'string' };
      continue;
    }
    const schema = convertType(member.type, prop, probes);
    const description = jsDocText(source, member);
    const withDescription: Schema = description ? { description, ...schema } : schema;
    // A scalar's probe must fill in the object we keep, not the copy's source.
    for (const probe of probes) if (probe.scalar === schema) probe.scalar = withDescription;
    properties[prop] = withDescription;
    if (!member.questionToken) required.push(prop);
  }
  addExtensions(name, properties);
  const def: Definition = { description: jsDocText(source, decl), type: 'object' };
  if (Object.keys(properties).length) def.properties = sortKeys(properties);
  if (required.length) def.required = required;
  if (gvk?.apiVersion && gvk.kind) {
    const [group, version] = gvk.apiVersion.includes('/') ? gvk.apiVersion.split('/') : ['', gvk.apiVersion];
    def['x-kubernetes-group-version-kind'] = [{ group, kind: gvk.kind, version }];
  }
  return def;
}

function addExtensions(name: string, properties: Record<string, Schema>): void {
  for (const [prop, ext] of Object.entries(PATCH_EXTENSIONS[name] ?? {})) {
    if (properties[prop]) Object.assign(properties[prop], ext);
  }
  for (const [prop, strategy] of Object.entries(FIELD_PATCH_STRATEGIES[name] ?? {})) {
    if (properties[prop]) properties[prop]['x-kubernetes-patch-strategy'] = strategy;
  }
}

const sortKeys = <T>(o: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

type Validate = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; keyword: string; params: Record<string, unknown> }> | null };

/** The validator's complaints about one property holding `value` (wrapped as the shape needs). */
function complaints(validate: Validate, prop: string, shape: 'scalar' | 'array' | 'map', value: unknown) {
  const wrapped = shape === 'array' ? [value] : shape === 'map' ? { k: value } : value;
  validate({ [prop]: wrapped });
  const at = shape === 'array' ? `/${prop}/0` : shape === 'map' ? `/${prop}/k` : `/${prop}`;
  return (validate.errors ?? []).filter((e) => e.instancePath === at);
}

/** Fill in number types and formats, and `byte` strings, by asking the compiled validator. */
async function probeFormats(parsed: Parsed): Promise<void> {
  if (!parsed.probes.length) return;
  if (!existsSync(parsed.schemaFile)) throw new Error(`no validator for ${parsed.name}: ${parsed.schemaFile}`);
  const { validate } = (await import(pathToFileURL(parsed.schemaFile).href)) as { validate: Validate };
  for (const { prop, shape, scalar } of parsed.probes) {
    if (scalar.type === 'string') {
      if (complaints(validate, prop, shape, '%%%').some((e) => e.params.format === 'byte')) scalar.format = 'byte';
      continue;
    }
    const fractional = complaints(validate, prop, shape, 0.5);
    if (!fractional.some((e) => e.keyword === 'type')) {
      scalar.type = 'number';
      scalar.format = 'double';
      continue;
    }
    scalar.format = complaints(validate, prop, shape, 2 ** 31).some((e) => e.params.format === 'int32') ? 'int32' : 'int64';
  }
}

/** Every definition reachable from the served group versions. */
function reachable(all: Definitions): Definitions {
  const keep = new Set(Object.keys(all).filter((n) => SERVED_PREFIXES.some((p) => n.startsWith(p))));
  const queue = [...keep];
  const visit = (s: Schema | undefined) => {
    if (!s) return;
    if (s.$ref) {
      const target = s.$ref.slice('#/definitions/'.length);
      if (!all[target]) throw new Error(`dangling reference ${target}`);
      if (!keep.has(target)) (keep.add(target), queue.push(target));
    }
    visit(s.items);
    visit(s.additionalProperties);
  };
  while (queue.length) {
    const def = all[queue.pop()!];
    for (const p of Object.values(def.properties ?? {})) visit(p);
  }
  return sortKeys(Object.fromEntries([...keep].map((n) => [n, all[n]])));
}

/** The definitions as JSON text, exactly as the generated file holds them. */
export async function generateDefinitionsJson(): Promise<string> {
  const all: Definitions = {};
  const sources: Array<[string, string]> = [
    [MODELS, join(MODELS, '_schemas')],
    [APIMACHINERY, join(APIMACHINERY, '_schemas')],
  ];
  for (const [dir, schemas] of sources) {
    for (const file of listDts(dir)) {
      const parsed = parseFile(file, schemas);
      if (!parsed || all[parsed.name]) continue;
      if (SERVED_PREFIXES.some((p) => parsed.name.startsWith(p))) await probeFormats(parsed);
      all[parsed.name] = parsed.def;
    }
  }
  for (const [name, gvks] of Object.entries(META_GVKS)) all[name]['x-kubernetes-group-version-kind'] = gvks;
  return JSON.stringify(reachable(all)) + '\n';
}

export const DEFINITIONS_FILE = OUT;

async function main(): Promise<void> {
  const json = await generateDefinitionsJson();
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, json);
  console.log(`wrote ${Object.keys(JSON.parse(json)).length} definitions, ${(json.length / 1024).toFixed(0)} KiB, to ${OUT}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
