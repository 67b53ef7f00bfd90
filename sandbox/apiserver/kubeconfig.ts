// The kubeconfig a sandbox hands to a real kubectl: cluster `kubelab`, a user with the bearer
// token, context `kubelab`. The server speaks plain HTTP on loopback, which kubectl accepts.

export interface KubeconfigOptions {
  server: string; // http://127.0.0.1:PORT
  token: string;
  namespace?: string;
}

export function kubeconfigYaml({ server, token, namespace = 'default' }: KubeconfigOptions): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    `    server: ${server}`,
    '  name: kubelab',
    'contexts:',
    '- context:',
    '    cluster: kubelab',
    `    namespace: ${namespace}`,
    '    user: kubelab-admin',
    '  name: kubelab',
    'current-context: kubelab',
    'preferences: {}',
    'users:',
    '- name: kubelab-admin',
    '  user:',
    `    token: ${token}`,
    '',
  ].join('\n');
}
