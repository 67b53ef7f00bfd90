// The shape of the generated definitions (generated/definitions.json): OpenAPI v2 "definitions",
// as the real /openapi/v2 document spells them. The v3 documents are derived from these.
import type { ListExtensions } from './patch-extensions.js';

export interface GroupVersionKind {
  group: string;
  kind: string;
  version: string;
}

/** A property schema, or an item / map-value schema. */
export interface Schema extends ListExtensions {
  description?: string;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  format?: string;
  $ref?: string; // '#/definitions/io.k8s.api.apps.v1.DeploymentSpec'
  items?: Schema;
  additionalProperties?: Schema;
  enum?: string[];
  'x-kubernetes-patch-strategy'?: string;
}

export interface Definition extends Schema {
  properties?: Record<string, Schema>;
  required?: string[];
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
}

export type Definitions = Record<string, Definition>;

export const DEFINITION_REF_PREFIX = '#/definitions/';

/** `io.k8s.api.apps.v1.DeploymentSpec` from `#/definitions/io.k8s.api.apps.v1.DeploymentSpec`. */
export const refName = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);
