import { describe, expect, it } from 'vitest';
import { actualOf, expectedOf, DNS1035_MSG, LABEL_VALUE_MSG, QNAME_MSG, SUBDOMAIN_MSG, object, pod, service, stored, type Case } from './testing.js';

function runCases(cases: Case[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => expect(actualOf(c)).toEqual(expectedOf(c)));
}

const R = 'FieldValueRequired';
const I = 'FieldValueInvalid';
const NS = 'FieldValueNotSupported';
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
      name: 'changing only spec.clusterIP',
      obj: stored(service({ clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.10'] })),
      old: stored(service({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] })),
      message: 'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.20"}: may not change once set',
      causes: [[I, 'spec.clusterIPs[0]']],
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
      name: 'resourcequota with a misspelled resource',
      obj: object('v1', 'ResourceQuota', 'q', { spec: { hard: { 'request.cpu': '2', pods: '10' } } }),
      message: 'ResourceQuota "q" is invalid: spec.hard[request.cpu]: Invalid value: "request.cpu": must be a standard resource for quota',
      causes: [[I, 'spec.hard[request.cpu]']],
    },
    {
      name: 'limitrange min above max (after defaulting)',
      obj: object('v1', 'LimitRange', 'limits', { spec: { limits: [{ type: 'Container', min: { cpu: '1' }, max: { cpu: '500m' } }] } }),
      message:
        'LimitRange "limits" is invalid: [spec.limits[0].min[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:1, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1", Format:"DecimalSI"}: min value 1 is greater than max value 500m, ' +
        'spec.limits[0].defaultRequest[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"500m", Format:"DecimalSI"}: min value 1 is greater than default request value 500m, ' +
        'spec.limits[0].default[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:1, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1", Format:"DecimalSI"}: min value 1 is greater than default value 500m]',
      causes: [
        [I, 'spec.limits[0].min[cpu]'],
        [I, 'spec.limits[0].defaultRequest[cpu]'],
        [I, 'spec.limits[0].default[cpu]'],
      ],
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
