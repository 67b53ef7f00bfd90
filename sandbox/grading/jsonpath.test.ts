import { describe, expect, it } from 'vitest';
import { evaluateJsonPath, formatJsonPathResult, JsonPathError } from './jsonpath.js';

const deploy = {
  metadata: { name: 'web', annotations: { 'deployment.kubernetes.io/revision': '3' } },
  spec: { replicas: 4, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }, { name: 'side', image: 'busybox' }] } } },
  status: { conditions: [{ type: 'Progressing', status: 'True' }, { type: 'Available', status: 'False' }] },
};
const at = (path: string) => formatJsonPathResult(evaluateJsonPath(deploy, path));

describe('jsonpath', () => {
  it('reads fields, indexes, wildcards and filters as kubectl prints them', () => {
    expect(at('{.spec.replicas}')).toBe('4');
    expect(at('{.spec.template.spec.containers[0].image}')).toBe('nginx:1.26');
    expect(at('{.spec.template.spec.containers[-1].name}')).toBe('side');
    expect(at('{.spec.template.spec.containers[*].image}')).toBe('nginx:1.26 busybox');
    expect(at('{.status.conditions[?(@.type=="Available")].status}')).toBe('False');
    expect(at('{.metadata.annotations.deployment\\.kubernetes\\.io/revision}')).toBe('3');
    expect(at('{.metadata.labels.app}')).toBe('');
  });

  it('says what it cannot parse', () => {
    expect(() => at('{.spec..replicas}')).toThrow(JsonPathError);
    expect(() => at('{.a[?(@.x>1)]}')).toThrow(/unsupported/);
  });
});
