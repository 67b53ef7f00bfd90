import { describe, expect, it } from 'vitest';
import { actualOf, expectedOf, DNS1035_MSG, LABEL_MSG, LABEL_VALUE_MSG, QNAME_MSG, SUBDOMAIN_MSG, container, object, pod, service, statusFor, stored, type Case } from './testing.js';

function runCases(cases: Case[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => expect(actualOf(c)).toEqual(expectedOf(c)));
}

const R = 'FieldValueRequired';
const I = 'FieldValueInvalid';
const NS = 'FieldValueNotSupported';
const NF = 'FieldValueNotFound';
const D = 'FieldValueDuplicate';
const F = 'FieldValueForbidden';

describe('metadata', () => {
  runCases([
    {
      name: 'name missing',
      obj: pod({}, ''),
      message: 'Pod "" is invalid: metadata.name: Required value: name or generateName is required',
      causes: [[R, 'metadata.name']],
    },
    {
      name: 'uppercase name',
      obj: pod({}, 'Web'),
      message: `Pod "Web" is invalid: metadata.name: Invalid value: "Web": ${SUBDOMAIN_MSG}`,
      causes: [[I, 'metadata.name']],
    },
    {
      name: 'underscore in generateName',
      obj: pod({}, 'web-1', { generateName: 'web_' }),
      message: `Pod "web-1" is invalid: metadata.generateName: Invalid value: "web_": ${SUBDOMAIN_MSG}`,
      causes: [[I, 'metadata.generateName']],
    },
    {
      name: 'label value with a space',
      obj: pod({}, 'web', { labels: { app: 'my app' } }),
      message: `Pod "web" is invalid: metadata.labels: Invalid value: "my app": ${LABEL_VALUE_MSG}`,
      causes: [[I, 'metadata.labels']],
    },
    {
      name: 'label key with two slashes',
      obj: pod({}, 'web', { labels: { 'a/b/c': 'x' } }),
      message: `Pod "web" is invalid: metadata.labels: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      causes: [[I, 'metadata.labels']],
    },
    {
      name: 'label value too long',
      obj: pod({}, 'web', { labels: { app: 'a'.repeat(64) } }),
      message: `Pod "web" is invalid: metadata.labels: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`,
      causes: [[I, 'metadata.labels']],
    },
    {
      name: 'annotation key starting with a dash',
      obj: pod({}, 'web', { annotations: { '-note': 'x' } }),
      message: `Pod "web" is invalid: metadata.annotations: Invalid value: "-note": ${QNAME_MSG}`,
      causes: [[I, 'metadata.annotations']],
    },
    {
      name: 'annotations over 256 kB',
      obj: pod({}, 'web', { annotations: { big: 'x'.repeat(262142) } }),
      message: 'Pod "web" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes',
      causes: [['FieldValueTooLong', 'metadata.annotations']],
    },
  ]);
});

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

describe('services', () => {
  runCases([
    {
      name: 'service name must be DNS-1035',
      obj: service({}, '1web'),
      message: `Service "1web" is invalid: metadata.name: Invalid value: "1web": ${DNS1035_MSG}`,
      causes: [[I, 'metadata.name']],
    },
    {
      name: 'unsupported type',
      obj: service({ type: 'Foo' }),
      message: 'Service "web" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      causes: [[NS, 'spec.type']],
    },
    {
      name: 'no ports',
      obj: service({ ports: [] }),
      message: 'Service "web" is invalid: spec.ports: Required value',
      causes: [[R, 'spec.ports']],
    },
    {
      name: 'port names required with several ports',
      obj: service({ ports: [{ port: 80 }, { port: 443 }] }),
      message: 'Service "web" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
      causes: [
        [R, 'spec.ports[0].name'],
        [R, 'spec.ports[1].name'],
      ],
    },
    {
      name: 'port out of range',
      obj: service({ ports: [{ port: 0, targetPort: 80 }] }),
      message: 'Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      causes: [[I, 'spec.ports[0].port']],
    },
    {
      name: 'targetPort name invalid',
      obj: service({ ports: [{ port: 80, targetPort: 'HTTP' }] }),
      message:
        'Service "web" is invalid: [spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)]',
      causes: [
        [I, 'spec.ports[0].targetPort'],
        [I, 'spec.ports[0].targetPort'],
      ],
    },
    {
      name: 'nodePort on a ClusterIP service',
      obj: service({ ports: [{ port: 80, nodePort: 30080 }] }),
      message: "Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
      causes: [[F, 'spec.ports[0].nodePort']],
    },
    {
      name: 'duplicate port',
      obj: service({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] }),
      message:
        'Service "web" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
      causes: [[D, 'spec.ports[1]']],
    },
    {
      name: 'changing the clusterIP',
      obj: stored(service({ clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20'] })),
      old: stored(service({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] })),
      message: 'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.20"}: may not change once set',
      causes: [[I, 'spec.clusterIPs[0]']],
    },
    {
      name: 'endpoints with a loopback address',
      obj: object('v1', 'Endpoints', 'web', { subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ port: 80 }] }] }),
      message: 'Endpoints "web" is invalid: subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      causes: [[I, 'subsets[0].addresses[0].ip']],
    },
    {
      name: 'ExternalName without a name',
      obj: service({ type: 'ExternalName', ports: [] }),
      message: 'Service "web" is invalid: spec.externalName: Required value',
      causes: [[R, 'spec.externalName']],
    },
  ]);
});

describe('config and storage', () => {
  runCases([
    {
      name: 'configmap key with a slash',
      obj: object('v1', 'ConfigMap', 'cfg', { data: { 'app/conf': 'x' } }),
      message:
        "ConfigMap \"cfg\" is invalid: data[app/conf]: Invalid value: \"app/conf\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      causes: [[I, 'data[app/conf]']],
    },
    {
      name: 'immutable configmap changed',
      obj: stored(object('v1', 'ConfigMap', 'cfg', { immutable: true, data: { a: '2' } })),
      old: stored(object('v1', 'ConfigMap', 'cfg', { immutable: true, data: { a: '1' } })),
      message: 'ConfigMap "cfg" is invalid: data: Forbidden: field is immutable when `immutable` is set',
      causes: [[F, 'data']],
    },
    {
      name: 'secret key with a space',
      obj: object('v1', 'Secret', 's', { stringData: { 'my key': 'x' } }),
      message:
        "Secret \"s\" is invalid: data[my key]: Invalid value: \"my key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      causes: [[I, 'data[my key]']],
    },
    {
      name: 'tls secret without keys',
      obj: object('v1', 'Secret', 'tls', { type: 'kubernetes.io/tls', data: {} }),
      message: 'Secret "tls" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]',
      causes: [
        [R, 'data[tls.crt]'],
        [R, 'data[tls.key]'],
      ],
    },
    {
      name: 'secret type changed',
      obj: stored(object('v1', 'Secret', 's', { type: 'kubernetes.io/basic-auth', data: { username: 'YQ==' } })),
      old: stored(object('v1', 'Secret', 's', { type: 'Opaque', data: { username: 'YQ==' } })),
      message: 'Secret "s" is invalid: type: Invalid value: "kubernetes.io/basic-auth": field is immutable',
      causes: [[I, 'type']],
    },
    {
      name: 'namespace name with a dot',
      obj: object('v1', 'Namespace', 'team.a', {}, false),
      message: 'Namespace "team.a" is invalid: metadata.name: Invalid value: "team.a": must not contain dots',
      causes: [[I, 'metadata.name']],
    },
    {
      name: 'pvc without access modes or size',
      obj: object('v1', 'PersistentVolumeClaim', 'data', { spec: {} }),
      message: 'PersistentVolumeClaim "data" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Required value]',
      causes: [
        [R, 'spec.accessModes'],
        [R, 'spec.resources[storage]'],
      ],
    },
    {
      name: 'pvc access mode misspelled',
      obj: object('v1', 'PersistentVolumeClaim', 'data', { spec: { accessModes: ['ReadWriteOnly'], resources: { requests: { storage: '1Gi' } } } }),
      message:
        'PersistentVolumeClaim "data" is invalid: spec.accessModes: Unsupported value: "ReadWriteOnly": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
      causes: [[NS, 'spec.accessModes']],
    },
    {
      name: 'pvc spec changed after creation',
      obj: stored(object('v1', 'PersistentVolumeClaim', 'data', { spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '1Gi' } } } })),
      old: stored(object('v1', 'PersistentVolumeClaim', 'data', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } })),
      message:
        'PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests for bound claims\n  core.PersistentVolumeClaimSpec{\n  \tAccessModes: {\n- \t\t"ReadWriteOnce",\n+ \t\t"ReadWriteMany",\n  \t},\n',
      messagePrefix: true,
      causes: [[F, 'spec']],
    },
  ]);
});
