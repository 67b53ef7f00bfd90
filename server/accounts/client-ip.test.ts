import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip.js';

describe('clientIp', () => {
  const req = (xff: string | undefined) => ({ headers: { 'x-forwarded-for': xff }, socket: { remoteAddress: '10.0.0.5' } });

  it('is the socket address unless the proxy is trusted (a client may send any X-Forwarded-For)', () => {
    expect(clientIp(req('198.51.100.1'), false)).toBe('10.0.0.5');
  });

  it('behind a trusted proxy: the address the proxy appended, not the ones a client wrote', () => {
    expect(clientIp(req('1.2.3.4, 198.51.100.1'), true)).toBe('198.51.100.1');
    expect(clientIp(req(undefined), true)).toBe('10.0.0.5');
  });
});
