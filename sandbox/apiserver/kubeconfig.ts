// The kubeconfig a sandbox hands to a real kubectl: cluster `kubelab`, a user with the bearer
// token, context `kubelab`. The server speaks HTTPS (kubectl sends tokens only over TLS) with a
// self-signed certificate given as the cluster's CA.

export interface KubeconfigOptions {
  server: string; // http://127.0.0.1:PORT
  token: string;
  /** PEM certificate the server presents; without it TLS verification is skipped. */
  caCert?: string;
  namespace?: string;
}

export function kubeconfigYaml({ server, token, caCert, namespace = 'default' }: KubeconfigOptions): string {
  const trust = caCert ? `    certificate-authority-data: ${Buffer.from(caCert).toString('base64')}` : '    insecure-skip-tls-verify: true';
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    trust,
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
