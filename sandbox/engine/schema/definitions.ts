// The generated OpenAPI v2 definitions (scripts/gen-schemas.ts), and lookups over them.
import generated from './generated/definitions.json';
import { refName, type Definition, type Definitions, type Schema } from './types.js';

export const DEFINITIONS: Definitions = generated as unknown as Definitions;

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
/** Kinds the meta types are tagged with in every group version: not the definition of a resource. */
const SHARED_KINDS = new Set(['DeleteOptions', 'WatchEvent']);

let kindIndex: Map<string, string> | undefined;

/** `apps/v1` + `Deployment` → `io.k8s.api.apps.v1.Deployment`, from the x-kubernetes-group-version-kind tags. */
export function definitionNameForKind(apiVersion: string, kind: string): string | undefined {
  if (!kindIndex) {
    kindIndex = new Map();
    for (const [name, def] of Object.entries(DEFINITIONS)) {
      for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
        if (SHARED_KINDS.has(gvk.kind) && !name.startsWith(META)) continue;
        kindIndex.set(`${gvk.group ? `${gvk.group}/` : ''}${gvk.version}/${gvk.kind}`, name);
      }
    }
  }
  return kindIndex.get(`${apiVersion}/${kind}`);
}

export function definitionForKind(apiVersion: string, kind: string): Definition | undefined {
  const name = definitionNameForKind(apiVersion, kind);
  return name ? DEFINITIONS[name] : undefined;
}

/** The definition a `$ref` schema points at. */
export function resolve(schema: Schema): Definition | undefined {
  return schema.$ref ? DEFINITIONS[refName(schema.$ref)] : undefined;
}

/** Every definition name `names` reference, transitively, themselves included, in sorted order. */
export function referencedDefinitions(names: Iterable<string>): string[] {
  const seen = new Set<string>();
  const queue = [...names];
  const visit = (s: Schema | undefined) => {
    if (!s) return;
    if (s.$ref) queue.push(refName(s.$ref));
    visit(s.items);
    visit(s.additionalProperties);
  };
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name) || !DEFINITIONS[name]) continue;
    seen.add(name);
    for (const p of Object.values(DEFINITIONS[name].properties ?? {})) visit(p);
  }
  return [...seen].sort();
}

/**
 * The Go type name encoding/json prints for a definition: `v1.DeploymentSpec`,
 * `resource.Quantity`, `intstr.IntOrString` (the Go package's last path element and the type).
 */
export function goTypeOfDefinition(name: string): string {
  const parts = name.split('.');
  return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
}

/** `DeploymentSpec`: the struct name encoding/json prints before a field path. */
export const structName = (name: string): string => name.slice(name.lastIndexOf('.') + 1);
