// What `kubectl explain` shows, as data: the schema node at a field path of a kind, with the type
// names kubectl's v3 template guesses (`integer`, `DeploymentSpec`, `[]Container`,
// `map[string]string`, `IntOrString`), descriptions, required markers and enum values.
// A printer (our kubectl) renders it; the real kubectl renders the same data from /openapi/v3.
import { DEFINITIONS, definitionNameForKind, resolve } from './definitions.js';
import { refName, type Definition, type Schema } from './types.js';

export interface ExplainField {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

export interface ExplainNode {
  group: string;
  version: string;
  kind: string;
  /** The last path element; absent for the kind itself. */
  field?: string;
  type: string;
  /** The field's own description (the kind's, at the root). */
  description: string;
  /** The description of the type a field refers to, which explain prints after the field's. */
  typeDescription?: string;
  required: boolean;
  enum?: string[];
  /** The fields of the node's object type, sorted by name; empty for scalars. */
  fields: ExplainField[];
}

/** kubectl's `typeGuess`: a reference prints its type's name, unless the type is a scalar. */
export function explainType(schema: Schema): string {
  if (schema.items) return `[]${explainType(schema.items)}`;
  if (schema.additionalProperties) return `map[string]${explainType(schema.additionalProperties)}`;
  if (schema.$ref) {
    const target = resolve(schema);
    const v3Type = target && !ONE_OF_TYPES.has(refName(schema.$ref)) ? target.type : undefined;
    if (!v3Type || v3Type === 'object') return refName(schema.$ref).split('.').pop() || 'Object';
    return v3Type;
  }
  return schema.type ?? 'Object';
}

/** Types the v3 documents publish with `oneOf` and no `type` (see openapi-v3.ts). */
const ONE_OF_TYPES = new Set(['io.k8s.apimachinery.pkg.util.intstr.IntOrString', 'io.k8s.apimachinery.pkg.api.resource.Quantity']);

/** The object definition behind a schema, looking through arrays and maps. */
function objectBehind(schema: Schema): Definition | undefined {
  if (schema.items) return objectBehind(schema.items);
  if (schema.additionalProperties) return objectBehind(schema.additionalProperties);
  return resolve(schema);
}

function fieldsOf(def: Definition | undefined): ExplainField[] {
  if (!def?.properties) return [];
  const required = new Set(def.required ?? []);
  return Object.entries(def.properties)
    .map(([name, s]) => ({ name, type: explainType(s), required: required.has(name), description: s.description ?? '' }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The node at `path` (e.g. ['spec', 'replicas']) of apiVersion/kind, or undefined if a field does not exist. */
export function fieldsAt(apiVersion: string, kind: string, path: readonly string[]): ExplainNode | undefined {
  const defName = definitionNameForKind(apiVersion, kind);
  if (!defName) return undefined;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const root = DEFINITIONS[defName];
  let schema: Schema = { $ref: `#/definitions/${defName}` };
  let parent: Definition | undefined = root;
  let required = false;
  for (const name of path) {
    const child: Schema | undefined = parent?.properties?.[name];
    if (!child) return undefined;
    required = (parent?.required ?? []).includes(name);
    schema = child;
    parent = objectBehind(child);
  }
  const behind = objectBehind(schema);
  const node: ExplainNode = {
    group,
    version,
    kind,
    type: path.length ? explainType(schema) : 'Object',
    description: path.length ? (schema.description ?? '') : (root.description ?? ''),
    required,
    fields: fieldsOf(behind),
  };
  if (path.length) node.field = path[path.length - 1];
  if (path.length && behind?.description && behind !== root) node.typeDescription = behind.description;
  const values = schema.enum ?? schema.items?.enum;
  if (values) node.enum = values;
  return node;
}

/** kubectl's message for a path that does not exist: `field "foo" does not exist`. */
export const noSuchField = (name: string) => `field ${JSON.stringify(name)} does not exist`;
