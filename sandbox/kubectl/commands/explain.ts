// kubectl explain: the schema of a resource or one of its fields, printed as kubectl 1.32's
// plaintext template prints the OpenAPI v3 data (header, FIELD with ENUM, DESCRIPTION wrapped
// at 80 columns, FIELDS with -required- and enum lines, --recursive as an indented tree).
import { GROUP_VERSIONS, RESOURCES } from '../../engine/api/resources.js';
import type { ResourceType } from '../../engine/api/types.js';
import { fieldsAt, noSuchField, type ExplainField, type ExplainNode } from '../../engine/schema/explain.js';
import { parseFlags } from '../flags.js';
import { BareError, UsageError, type KubectlContext } from '../host.js';
import { resolveType } from '../resource-types.js';
import { indentLines, wrapWords } from '../printers/wordwrap.js';

const WIDTH = 80;

export async function explain(ctx: KubectlContext, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(
    args,
    [
      { name: 'recursive', type: 'bool' },
      { name: 'api-version', type: 'string' },
      { name: 'output', short: 'o', type: 'string', default: 'plaintext' },
    ],
    'explain',
  );
  if (!positional.length) throw new UsageError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
  if (positional.length > 1) throw new UsageError(`We accept only this format: explain RESOURCE`);
  // kubectl maps the resource through the server's discovery first: a down server refuses here.
  await ctx.host.api.discovery();
  const { typed, path } = splitResource(positional[0].replace(/\.$/, ''));
  const type = typeFor(typed, flags['api-version'] as string | undefined);
  const apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
  const header = headerOf(type);
  const node = fieldsAt(apiVersion, type.kind, path);
  if (!node) {
    // The template has printed the header when it finds the field missing.
    ctx.io.out(header);
    throw new UsageError(noSuchField(firstMissing(apiVersion, type.kind, path)));
  }
  ctx.io.out(header + body(node, apiVersion, type.kind, path, Boolean(flags.recursive)));
  return 0;
}

/** The longest dotted prefix that names a resource (`deployments.apps.spec` → deployments.apps + spec). */
function splitResource(text: string): { typed: string; path: string[] } {
  const parts = text.split('.');
  for (let n = parts.length; n > 1; n--) {
    try {
      resolveType(parts.slice(0, n).join('.'));
      return { typed: parts.slice(0, n).join('.'), path: parts.slice(n) };
    } catch {
      // not a resource name with this many parts
    }
  }
  return { typed: parts[0], path: parts.slice(1) };
}

function typeFor(typed: string, apiVersion: string | undefined): ResourceType {
  let found: ResourceType;
  try {
    found = resolveType(typed);
  } catch (e) {
    throw new BareError((e as Error).message);
  }
  if (!apiVersion) return found;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const served = GROUP_VERSIONS.find((g) => g.group === group)?.versions.includes(version);
  const match = RESOURCES.find((r) => r.resource === found.resource && r.group === group && r.version === version);
  if (match) return match;
  const alt = RESOURCES.find((r) => r.resource === found.resource && r.group === group);
  if (alt && served) return { ...alt, version };
  if (served) throw new UsageError(`GVR (${apiVersion}, Resource=${found.resource}) not found in OpenAPI schema`);
  throw new UsageError(`couldn't find resource for "${group}/${version}, Resource=${found.resource}"`);
}

function headerOf(type: ResourceType): string {
  return `${type.group ? `GROUP:      ${type.group}\n` : ''}KIND:       ${type.kind}\nVERSION:    ${type.version}\n\n`;
}

function firstMissing(apiVersion: string, kind: string, path: string[]): string {
  for (let i = 1; i <= path.length; i++) if (!fieldsAt(apiVersion, kind, path.slice(0, i))) return path[i - 1];
  return path[path.length - 1];
}

/** DESCRIPTION: the field's text, then its type's, each line indented four spaces. */
function description(node: ExplainNode): string {
  const text = [node.description, node.typeDescription].filter(Boolean).join('\n') + '\n';
  return `DESCRIPTION:\n${indentLines(wrapWords(text, WIDTH - 4), 4)}\n`;
}

function body(node: ExplainNode, apiVersion: string, kind: string, path: string[], recursive: boolean): string {
  let out = '';
  if (node.field) {
    out += `FIELD: ${node.field} <${node.type}>\n`;
    out += node.enum && !node.type.startsWith('[]') ? `ENUM:\n${node.enum.map((v) => `    ${enumValue(v)}\n`).join('')}` : '\n';
    out += '\n';
  }
  out += description(node);
  if (node.fields.length) {
    out += 'FIELDS:\n';
    out += recursive ? recursiveFields(apiVersion, kind, path, 1, new Set()) : node.fields.map((f) => fieldEntry(f, enumOf(apiVersion, kind, [...path, f.name]))).join('');
  }
  return out + '\n';
}

/** The empty value shows as `""`. */
const enumValue = (v: string) => (v === '' ? '""' : v);

/** The enum line of a field list: at most four values, then `....`. */
function enumLine(raw: string[] | undefined, indent: number): string {
  if (!raw?.length) return '';
  const values = raw.map(enumValue);
  const shown = values.length > 4 ? `${values.slice(0, 4).join(', ')}, ....` : values.join(', ');
  return `${' '.repeat(indent)}enum: ${shown}\n`;
}

function fieldLine(f: ExplainField, indent: number): string {
  return `${' '.repeat(indent)}${f.name}\t<${f.type}>${f.required ? ' -required-' : ''}\n`;
}

/** A field's own enum (a list of enum items shows none in the field list). */
function enumOf(apiVersion: string, kind: string, path: string[]): string[] | undefined {
  const node = fieldsAt(apiVersion, kind, path);
  return node && !node.type.startsWith('[]') ? node.enum : undefined;
}

function fieldEntry(f: ExplainField, values: string[] | undefined): string {
  const desc = indentLines(wrapWords(f.description || '<no description>', WIDTH - 4), 4) + '\n';
  return fieldLine(f, 2) + enumLine(values, 2) + desc + '\n';
}

/** --recursive: names and types only, each level two spaces deeper; a type already open is not re-entered. */
function recursiveFields(apiVersion: string, kind: string, path: string[], depth: number, open: Set<string>): string {
  const node = fieldsAt(apiVersion, kind, path);
  if (!node) return '';
  let out = '';
  for (const f of node.fields) {
    const child = fieldsAt(apiVersion, kind, [...path, f.name]);
    out += fieldLine(f, depth * 2) + enumLine(enumOf(apiVersion, kind, [...path, f.name]), depth * 2);
    const typeName = child?.type.replace(/^(\[\]|map\[string\])+/, '');
    if (child?.fields.length && typeName && !open.has(typeName)) out += recursiveFields(apiVersion, kind, [...path, f.name], depth + 1, new Set([...open, typeName]));
  }
  return out;
}
