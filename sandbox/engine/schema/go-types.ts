// The Go type names encoding/json prints in `cannot unmarshal … of type X`. The schema knows the
// JSON shape, not Go's named types, so the named string types of common fields are listed here;
// other enum-like strings print as `string` (an approximation, said in the report).
import { goTypeOfDefinition } from './definitions.js';
import { refName, type Schema } from './types.js';

const CORE = 'io.k8s.api.core.v1';
const NAMED_STRINGS: Record<string, string> = {
  [`${CORE}.Container.imagePullPolicy`]: 'v1.PullPolicy',
  [`${CORE}.EphemeralContainer.imagePullPolicy`]: 'v1.PullPolicy',
  [`${CORE}.Container.terminationMessagePolicy`]: 'v1.TerminationMessagePolicy',
  [`${CORE}.ContainerPort.protocol`]: 'v1.Protocol',
  [`${CORE}.ServicePort.protocol`]: 'v1.Protocol',
  [`${CORE}.PodSpec.restartPolicy`]: 'v1.RestartPolicy',
  [`${CORE}.PodSpec.dnsPolicy`]: 'v1.DNSPolicy',
  [`${CORE}.PodStatus.phase`]: 'v1.PodPhase',
  [`${CORE}.ServiceSpec.type`]: 'v1.ServiceType',
  [`${CORE}.ServiceSpec.sessionAffinity`]: 'v1.ServiceAffinity',
  [`${CORE}.ServiceSpec.externalTrafficPolicy`]: 'v1.ServiceExternalTrafficPolicy',
  [`${CORE}.Secret.type`]: 'v1.SecretType',
  [`${CORE}.Toleration.operator`]: 'v1.TolerationOperator',
  [`${CORE}.Toleration.effect`]: 'v1.TaintEffect',
  [`${CORE}.Taint.effect`]: 'v1.TaintEffect',
  [`${CORE}.PersistentVolumeClaimSpec.volumeMode`]: 'v1.PersistentVolumeMode',
  ['io.k8s.api.apps.v1.DeploymentStrategy.type']: 'v1.DeploymentStrategyType',
  ['io.k8s.api.batch.v1.CronJobSpec.concurrencyPolicy']: 'v1.ConcurrencyPolicy',
  ['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.uid']: 'types.UID',
};

/** Map-valued fields whose Go type is a named map. */
const NAMED_MAPS: Record<string, string> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'v1.ResourceList',
};

/** The Go type of `schema`, a property `prop` of definition `owner` (or an item of one). */
export function goTypeOf(schema: Schema, owner: string, prop: string): string {
  if (schema.$ref) return goTypeOfDefinition(refName(schema.$ref));
  switch (schema.type) {
    case 'string':
      if (schema.format === 'byte') return '[]uint8';
      return NAMED_STRINGS[`${owner}.${prop}`] ?? 'string';
    case 'integer':
      return schema.format === 'int32' ? 'int32' : 'int64';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'array':
      return `[]${schema.items ? goTypeOf(schema.items, owner, '') : 'interface {}'}`;
    default: {
      const value = schema.additionalProperties;
      if (!value) return 'map[string]interface {}';
      const named = value.$ref && NAMED_MAPS[refName(value.$ref)];
      return named || `map[string]${goTypeOf(value, owner, '')}`;
    }
  }
}
