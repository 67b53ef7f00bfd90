// The identity of the page's visitor, for server components and route handlers (server/identity.ts).
import { cookies } from 'next/headers';
import { getServerContext } from '../../server/context';
import type { Identity } from '../../server/identity';

export async function currentIdentity(): Promise<Identity | undefined> {
  const ctx = getServerContext();
  if (!ctx) return undefined;
  return ctx.identity.identify((await cookies()).toString());
}
