// kubectl sends a bearer token only over TLS (client-go drops it for http:// servers), so a
// sandbox serves HTTPS with a self-signed certificate for the loopback address, made once per
// process with the system's openssl, and hands it to kubectl as the kubeconfig's CA.
import { execFileSync } from 'node:child_process';

export interface TlsMaterial {
  key: string;
  cert: string;
}

let cached: TlsMaterial | undefined;

export function selfSignedCertificate(): TlsMaterial {
  if (cached) return cached;
  const pem = execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', '-', '-out', '-', '-days', '3650', '-subj', '/CN=kube-apiserver',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default',
      '-addext', 'basicConstraints=critical,CA:TRUE',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----\n/.exec(pem)?.[0];
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/.exec(pem)?.[0];
  if (!key || !cert) throw new Error('openssl did not produce a key and certificate');
  cached = { key, cert };
  return cached;
}
