// NamespaceLifecycle: no new content in a namespace that does not exist or is being terminated,
// and the immortal namespaces (default, kube-system, kube-public) cannot be deleted.
import { forbidden, isStatusError } from '../api/errors.js';
import { namespaceNotFound, namespaceTerminating } from '../api/errors-extra.js';
import { qualifiedResource } from '../api/resources.js';
import type { KubeObject } from '../objects.js';
import type { AdmissionAttributes, AdmissionContext, AdmissionPlugin } from './types.js';

const IMMORTAL = new Set(['default', 'kube-system', 'kube-public']);
/** Access reviews are answered for any namespace, existing or not. */
const EXEMPT = new Set(['localsubjectaccessreviews', 'subjectaccessreviews', 'selfsubjectaccessreviews', 'selfsubjectrulesreviews', 'tokenreviews']);

export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  admit(a: AdmissionAttributes, ctx: AdmissionContext) {
    const isNamespace = a.resource.group === '' && a.resource.resource === 'namespaces';
    if (isNamespace && a.operation === 'DELETE' && IMMORTAL.has(a.name)) {
      throw forbidden(qualifiedResource(a.resource), a.name, 'this namespace may not be deleted');
    }
    if (isNamespace || !a.resource.namespaced || !a.namespace || EXEMPT.has(a.resource.resource)) return;
    if (a.operation !== 'CREATE') return;
    let ns: KubeObject;
    try {
      ns = ctx.api.get({ group: '', version: 'v1', resource: 'namespaces', name: a.namespace });
    } catch (e) {
      if (isStatusError(e) && e.code === 404) throw namespaceNotFound(a.namespace);
      throw e;
    }
    const phase = (ns.status as { phase?: string } | undefined)?.phase;
    if (ns.metadata.deletionTimestamp || phase === 'Terminating') {
      throw namespaceTerminating(qualifiedResource(a.resource), a.name, a.namespace);
    }
  },
};
