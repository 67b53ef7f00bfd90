// Admission plugins: mutating (admit) then validating (validate), as the real API server runs
// them around validation. Pure functions of the request and what they read through the API.
import type { Clock, Random } from '../clock.js';
import type { KubeObject } from '../objects.js';
import type { ApiClient, ResourceType } from '../api/types.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionAttributes {
  operation: Operation;
  resource: ResourceType;
  subresource?: string;
  namespace?: string;
  name: string;
  /** The object being written; mutating plugins change it in place. */
  object?: KubeObject;
  oldObject?: KubeObject;
  dryRun: boolean;
}

export interface AdmissionContext {
  /** Reads (and the few writes admission makes, e.g. quota usage) go through the API. */
  api: ApiClient;
  clock: Clock;
  random: Random;
}

export interface AdmissionPlugin {
  name: string;
  admit?(a: AdmissionAttributes, ctx: AdmissionContext): void;
  validate?(a: AdmissionAttributes, ctx: AdmissionContext): void;
}

export const isResource = (a: AdmissionAttributes, group: string, resource: string) =>
  a.resource.group === group && a.resource.resource === resource;
