// The address sign-in rate limits key on. Behind a reverse proxy (an ingress) every request comes
// from the proxy, so with TRUST_PROXY the address the proxy appended to X-Forwarded-For counts
// instead: the LAST entry, the only one a client cannot forge (it writes the ones before it).
export interface ClientRequest {
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string };
}

export function clientIp(req: ClientRequest, trustProxy: boolean): string {
  const direct = req.socket.remoteAddress ?? '';
  if (!trustProxy) return direct;
  const header = req.headers['x-forwarded-for'];
  const list = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
  return list.at(-1) ?? direct;
}
