import { describe, expect, it } from 'vitest';
import { actualOf, expectedOf, LABEL_MSG, LABEL_VALUE_MSG, QNAME_MSG, container, pod, statusFor, stored, type Case } from './testing.js';

function runCases(cases: Case[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => expect(actualOf(c)).toEqual(expectedOf(c)));
}

const R = 'FieldValueRequired';
const I = 'FieldValueInvalid';
const NS = 'FieldValueNotSupported';
const NF = 'FieldValueNotFound';
const D = 'FieldValueDuplicate';
const F = 'FieldValueForbidden';

describe('pods', () => {
  runCases([
    {
      name: 'no containers',
      obj: pod({ containers: [] }),
      message: 'Pod "web" is invalid: spec.containers: Required value',
      causes: [[R, 'spec.containers']],
    },
    {
      name: 'image missing',
      obj: pod({ containers: [{ name: 'web' }] }),
      message: 'Pod "web" is invalid: spec.containers[0].image: Required value',
      causes: [[R, 'spec.containers[0].image']],
    },
    {
      name: 'container name missing',
      obj: pod({ containers: [{ image: 'nginx' }] }),
      message: 'Pod "web" is invalid: spec.containers[0].name: Required value',
      causes: [[R, 'spec.containers[0].name']],
    },
    {
      name: 'container name with uppercase',
      obj: pod({ containers: [container({ name: 'Web' })] }),
      message: `Pod "web" is invalid: spec.containers[0].name: Invalid value: "Web": ${LABEL_MSG}`,
      causes: [[I, 'spec.containers[0].name']],
    },
    {
      name: 'container name with a dot',
      obj: pod({ containers: [container({ name: 'web.1' })] }),
      message: 'Pod "web" is invalid: spec.containers[0].name: Invalid value: "web.1": must not contain dots',
      causes: [[I, 'spec.containers[0].name']],
    },
    {
      name: 'duplicate container names',
      obj: pod({ containers: [container(), container({ image: 'redis' })] }),
      message: 'Pod "web" is invalid: spec.containers[1].name: Duplicate value: "web"',
      causes: [[D, 'spec.containers[1].name']],
    },
    {
      name: 'containerPort out of range',
      obj: pod({ containers: [container({ ports: [{ containerPort: 70000 }] })] }),
      message: 'Pod "web" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      causes: [[I, 'spec.containers[0].ports[0].containerPort']],
    },
    {
      name: 'containerPort missing and bad protocol',
      obj: pod({ containers: [container({ ports: [{ name: 'http', protocol: 'HTTP' }] })] }),
      message:
        'Pod "web" is invalid: [spec.containers[0].ports[0].containerPort: Required value, spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"]',
      causes: [
        [R, 'spec.containers[0].ports[0].containerPort'],
        [NS, 'spec.containers[0].ports[0].protocol'],
      ],
    },
    {
      name: 'port name too long',
      obj: pod({ containers: [container({ ports: [{ name: 'http-alternative', containerPort: 8080 }] })] }),
      message: 'Pod "web" is invalid: spec.containers[0].ports[0].name: Invalid value: "http-alternative": must be no more than 15 characters',
      causes: [[I, 'spec.containers[0].ports[0].name']],
    },
    {
      name: 'env var name with =',
      obj: pod({ containers: [container({ env: [{ name: 'A=B', value: '1' }] })] }),
      message: `Pod "web" is invalid: spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      causes: [[I, 'spec.containers[0].env[0].name']],
    },
    {
      name: 'env valueFrom without a source',
      obj: pod({ containers: [container({ env: [{ name: 'A', valueFrom: {} }] })] }),
      message:
        'Pod "web" is invalid: spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      causes: [[I, 'spec.containers[0].env[0].valueFrom']],
    },
    {
      name: 'volume mount of a missing volume',
      obj: pod({ containers: [container({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] }),
      message: 'Pod "web" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"',
      causes: [[NF, 'spec.containers[0].volumeMounts[0].name']],
    },
    {
      name: 'volume without a source is an emptyDir, but a bad name hides it from mounts',
      obj: pod({ volumes: [{ name: 'Data' }], containers: [container({ volumeMounts: [{ name: 'Data', mountPath: '/data' }] })] }),
      message: `Pod "web" is invalid: [spec.volumes[0].name: Invalid value: "Data": ${LABEL_MSG}, spec.containers[0].volumeMounts[0].name: Not found: "Data"]`,
      causes: [
        [I, 'spec.volumes[0].name'],
        [NF, 'spec.containers[0].volumeMounts[0].name'],
      ],
    },
    {
      name: 'configMap volume without a name',
      obj: pod({ volumes: [{ name: 'cfg', configMap: {} }] }),
      message: 'Pod "web" is invalid: spec.volumes[0].configMap.name: Required value',
      causes: [[R, 'spec.volumes[0].configMap.name']],
    },
    {
      name: 'two volume types',
      obj: pod({ volumes: [{ name: 'v', emptyDir: {}, hostPath: { path: '/tmp' } }] }),
      message: 'Pod "web" is invalid: spec.volumes[0].emptyDir: Forbidden: may not specify more than 1 volume type',
      causes: [[F, 'spec.volumes[0].emptyDir']],
    },
    {
      name: 'requests above limits',
      obj: pod({ containers: [container({ resources: { requests: { cpu: '2' }, limits: { cpu: '1000m' } } })] }),
      message: 'Pod "web" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
      causes: [[I, 'spec.containers[0].resources.requests']],
    },
    {
      name: 'memory request above limit in binary units',
      obj: pod({ containers: [container({ resources: { requests: { memory: '1Gi' }, limits: { memory: '512Mi' } } })] }),
      message: 'Pod "web" is invalid: spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi',
      causes: [[I, 'spec.containers[0].resources.requests']],
    },
    {
      name: 'unknown resource name',
      obj: pod({ containers: [container({ resources: { limits: { gpu: '1' } } })] }),
      message: 'Pod "web" is invalid: [spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers, spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers]',
      causes: [
        [I, 'spec.containers[0].resources.limits[gpu]'],
        [I, 'spec.containers[0].resources.requests[gpu]'],
      ],
    },
    {
      name: 'restartPolicy unsupported',
      obj: pod({ restartPolicy: 'Sometimes' }),
      message: 'Pod "web" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      causes: [[NS, 'spec.restartPolicy']],
    },
    {
      name: 'imagePullPolicy unsupported',
      obj: pod({ containers: [container({ imagePullPolicy: 'Sometimes' })] }),
      message: 'Pod "web" is invalid: spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      causes: [[NS, 'spec.containers[0].imagePullPolicy']],
    },
    {
      name: 'liveness probe without a handler',
      obj: pod({ containers: [container({ livenessProbe: { periodSeconds: 5 } })] }),
      message: 'Pod "web" is invalid: spec.containers[0].livenessProbe: Required value: must specify a handler type',
      causes: [[R, 'spec.containers[0].livenessProbe']],
    },
    {
      name: 'liveness probe successThreshold',
      obj: pod({ containers: [container({ livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } })] }),
      message: 'Pod "web" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      causes: [[I, 'spec.containers[0].livenessProbe.successThreshold']],
    },
    {
      name: 'nodeSelector value',
      obj: pod({ nodeSelector: { disk: 'fast ssd' } }),
      message: `Pod "web" is invalid: spec.nodeSelector: Invalid value: "fast ssd": ${LABEL_VALUE_MSG}`,
      causes: [[I, 'spec.nodeSelector']],
    },
    {
      name: 'toleration without key needs Exists',
      obj: pod({ tolerations: [{ operator: 'Equal', value: 'x', effect: 'NoSchedule' }] }),
      message: 'Pod "web" is invalid: spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      causes: [[I, 'spec.tolerations[0].operator']],
    },
    {
      name: 'node affinity operator misspelled',
      obj: pod({
        affinity: {
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'Equals', values: ['ssd'] }] }] } },
        },
      }),
      message:
        'Pod "web" is invalid: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
      causes: [[I, 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator']],
    },
    {
      name: 'preferred node affinity weight 0',
      obj: pod({ affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: { matchExpressions: [{ key: 'disk', operator: 'Exists' }] } }] } } }),
      message: 'Pod "web" is invalid: spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
      causes: [[I, 'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight']],
    },
    {
      name: 'pod anti-affinity without topologyKey',
      obj: pod({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } } }] } } }),
      message: `Pod "web" is invalid: [spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty, spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must be non-empty, spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": ${QNAME_MSG}]`,
      causes: [
        [R, 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey'],
        [I, 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey'],
        [I, 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey'],
      ],
    },
    {
      name: 'topology spread maxSkew 0',
      obj: pod({ topologySpreadConstraints: [{ maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] }),
      message: 'Pod "web" is invalid: spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
      causes: [[I, 'spec.topologySpreadConstraints[0].maxSkew']],
    },
    {
      name: 'negative runAsUser',
      obj: pod({ securityContext: { runAsUser: -1 } }),
      message: 'Pod "web" is invalid: spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive',
      causes: [[I, 'spec.securityContext.runAsUser']],
    },
    {
      name: 'update changing more than the image',
      obj: stored(pod({ containers: [container({ ports: [{ containerPort: 8080 }] })] })),
      old: stored(pod({ containers: [container({ ports: [{ containerPort: 80 }] })] })),
      message:
        'Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n',
      messagePrefix: true,
      causes: [[F, 'spec']],
    },
    {
      name: 'update changing an existing toleration',
      obj: stored(pod({ tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoExecute' }] })),
      old: stored(pod({ tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }] })),
      message: 'Pod "web" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
      causes: [[F, 'spec.tolerations']],
    },
    {
      name: 'update raising activeDeadlineSeconds',
      obj: stored(pod({ activeDeadlineSeconds: 60 })),
      old: stored(pod({ activeDeadlineSeconds: 30 })),
      message: 'Pod "web" is invalid: spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value',
      causes: [[I, 'spec.activeDeadlineSeconds']],
    },
    {
      name: 'update adding a container',
      obj: stored(pod({ containers: [container(), container({ name: 'sidecar', image: 'busybox' })] })),
      old: stored(pod()),
      message: 'Pod "web" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers',
      causes: [[F, 'spec.containers']],
    },
  ]);

  it('accepts an image-only update and an added toleration', () => {
    expect(statusFor(stored(pod({ tolerations: [{ key: 'a', operator: 'Exists' }, { key: 'b', operator: 'Exists' }] })), stored(pod({ tolerations: [{ key: 'a', operator: 'Exists' }] })))).toBeUndefined();
    expect(statusFor(stored(pod({ containers: [container({ image: 'nginx:1.28' })] })), stored(pod()))).toBeUndefined();
  });
});
