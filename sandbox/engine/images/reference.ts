// Image references as containerd and the kubelet normalise them: `nginx` is
// `docker.io/library/nginx:latest`, `bitnami/redis:7` is `docker.io/bitnami/redis:7`,
// `registry.k8s.io/pause:3.10` stays as it is (distribution/reference's ParseNormalizedNamed).

export interface ImageRef {
  /** Registry host: 'docker.io', 'registry.k8s.io', 'quay.io'… */
  domain: string;
  /** Repository path inside the registry: 'library/nginx', 'coredns/coredns'. */
  path: string;
  /** Tag, 'latest' when neither tag nor digest was given. */
  tag?: string;
  digest?: string;
}

/** Repository without registry for the catalogue: 'nginx', 'bitnami/redis', 'registry.k8s.io/etcd'. */
export function familiarName(ref: ImageRef): string {
  if (ref.domain === 'docker.io') return ref.path.startsWith('library/') ? ref.path.slice('library/'.length) : ref.path;
  return `${ref.domain}/${ref.path}`;
}

export function parseImageRef(image: string): ImageRef {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  // The first component is a registry only if it looks like a host (has '.' or ':' or is localhost).
  const slash = rest.indexOf('/');
  const first = slash < 0 ? '' : rest.slice(0, slash);
  const isHost = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  let domain = isHost ? first : 'docker.io';
  let path = isHost ? rest.slice(slash + 1) : rest;
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  if (!tag && !digest) tag = 'latest';
  return { domain, path, tag, digest };
}

/** The fully qualified reference containerd reports: 'docker.io/library/nginx:latest'. */
export function normalizedImage(ref: ImageRef): string {
  return `${ref.domain}/${ref.path}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
