// Generates descriptors.generated.ts: the protobuf field table of the k8s.io/api messages that
// kubectl's typed clients send (`kubectl create …`). Facts come from a checkout of kubernetes/api
// and kubernetes/apimachinery: field numbers and types from `generated.proto`, and from the Go
// struct tags in `types.go` whether a field is a pointer, omitempty or inlined in JSON, which the
// wire format does not say but which decides how a decoded zero value must appear in JSON.
//
//   npx tsx sandbox/apiserver/protobuf/gen-descriptors.ts <kubernetes/api git dir> <apimachinery git dir> [release-1.33]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ROOT_MESSAGES } from './roots.js';

const [apiDir, machineryDir, REF = 'release-1.33'] = process.argv.slice(2);
if (!apiDir || !machineryDir) throw new Error('usage: gen-descriptors.ts <kubernetes/api git dir> <apimachinery git dir>');

interface ProtoField { num: number; name: string; label: 'optional' | 'repeated' | 'map'; type: string; valueType?: string }
interface GoTag { json: string; pointer: boolean; omitempty: boolean; inline: boolean }

const show = (dir: string, path: string) => execFileSync('git', ['--git-dir', dir, 'show', `${REF}:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });

const API_PACKAGES = ['core/v1', 'apps/v1', 'batch/v1', 'rbac/v1', 'policy/v1', 'scheduling/v1', 'networking/v1', 'authentication/v1', 'authorization/v1', 'autoscaling/v1', 'autoscaling/v2', 'coordination/v1', 'discovery/v1', 'storage/v1', 'events/v1'];
const MACHINERY_PACKAGES = ['pkg/apis/meta/v1', 'pkg/util/intstr', 'pkg/api/resource', 'pkg/runtime'];

const messages = new Map<string, ProtoField[]>();
const tags = new Map<string, Map<string, GoTag>>();

function parseProto(text: string): void {
  const pkg = /^package ([\w.]+);/m.exec(text)![1];
  let current: ProtoField[] | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const open = /^message (\w+) \{$/.exec(line);
    if (open) { current = []; messages.set(`${pkg}.${open[1]}`, current); continue; }
    if (line === '}') { current = undefined; continue; }
    if (!current) continue;
    const map = /^map<(\S+), (\S+)> (\w+) = (\d+);$/.exec(line);
    if (map) { current.push({ num: +map[4], name: map[3], label: 'map', type: qualify(pkg, map[1]), valueType: qualify(pkg, map[2]) }); continue; }
    const f = /^(optional|repeated) (\S+) (\w+) = (\d+);$/.exec(line);
    if (f) current.push({ num: +f[4], name: f[3], label: f[1] as 'optional', type: qualify(pkg, f[2]) });
  }
}

const SCALARS = new Set(['string', 'int32', 'int64', 'bool', 'bytes', 'double', 'float', 'uint32', 'uint64', 'fixed32', 'fixed64']);
function qualify(pkg: string, type: string): string {
  if (SCALARS.has(type)) return type;
  return type.startsWith('.') ? type.slice(1) : `${pkg}.${type}`;
}

function parseGoTypes(pkg: string, text: string): void {
  let struct: Map<string, GoTag> | undefined;
  for (const line of text.split('\n')) {
    const open = /^type (\w+) struct \{/.exec(line);
    if (open) { struct = new Map(); tags.set(`${pkg}.${open[1]}`, struct); continue; }
    if (/^\}/.test(line)) { struct = undefined; continue; }
    const m = /^\s*(?:\w+\s+)?(\*?)(\[\])?[\w.*\[\]]*\s+`json:"([^"]*)"[^`]*protobuf:"[^"]*name=(\w+)/.exec(line);
    if (!struct || !m) continue;
    const [jsonName, ...opts] = m[3].split(',');
    struct.set(m[4], { json: jsonName, pointer: m[1] === '*' || m[2] === '[]', omitempty: opts.includes('omitempty'), inline: opts.includes('inline') });
  }
}

for (const p of API_PACKAGES) {
  parseProto(show(apiDir, `${p}/generated.proto`));
  const pkg = `k8s.io.api.${p.replace('/', '.')}`;
  for (const file of ['types.go', 'types_swagger_doc_generated.go'].slice(0, 1)) parseGoTypes(pkg, show(apiDir, `${p}/${file}`));
}
for (const p of MACHINERY_PACKAGES) {
  parseProto(show(machineryDir, `${p}/generated.proto`));
  const pkg = `k8s.io.apimachinery.${p.replace(/\//g, '.')}`;
  const files = execFileSync('git', ['--git-dir', machineryDir, 'ls-tree', '--name-only', REF, `${p}/`], { encoding: 'utf8' }).split('\n');
  for (const f of files.filter((f) => /\/types\.go$/.test(f))) parseGoTypes(pkg, show(machineryDir, f));
}

// Field: [number, jsonName, type, flags] — flags: r repeated, m map (type is the value type),
// p pointer, o omitempty, i inlined into the parent's JSON.
type Row = [number, string, string, string];
const out: Record<string, Row[]> = {};
const queue = Object.values(ROOT_MESSAGES);
while (queue.length) {
  const name = queue.pop()!;
  if (out[name]) continue;
  const fields = messages.get(name);
  if (!fields) throw new Error(`no message ${name}`);
  const goTags = tags.get(name);
  out[name] = fields.map((f) => {
    const tag = goTags?.get(f.name);
    const type = f.label === 'map' ? f.valueType! : f.type;
    if (!SCALARS.has(type)) queue.push(type);
    const flags = (f.label === 'repeated' ? 'r' : '') + (f.label === 'map' ? 'm' : '') + (tag?.pointer ? 'p' : '') + (tag?.omitempty ? 'o' : '') + (tag?.inline ? 'i' : '');
    return [f.num, tag && !tag.inline ? tag.json || f.name : f.name, type, flags];
  });
}

const header = `// GENERATED by gen-descriptors.ts from kubernetes/api and kubernetes/apimachinery: do not edit.
// Per message: [field number, JSON name, type, flags (r repeated, m map, p pointer, o omitempty, i inline)].
import type { MessageTable } from './decode.js';

export const MESSAGES: MessageTable = {\n`;
const body = Object.keys(out).sort().map((k) => `  '${k}': ${JSON.stringify(out[k])},`).join('\n');
writeFileSync(fileURLToPath(new URL('./descriptors.generated.ts', import.meta.url)), `${header}${body}\n};\n`);
console.log(`${Object.keys(out).length} messages`);
