// Accounts for one server process: Better Auth, the identity source over it (account session,
// else guest cookie), carry-over at sign-in, and what routes need to revoke and delete.
import type { Db } from '../db.js';
import type { LearnerCookies } from '../guest.js';
import { createAuth, type Auth, type AuthOptions } from './auth.js';
import { carryOverGuest, type SandboxDropper } from './carry-over.js';
import type { SandboxDeleter } from './delete-account.js';
import { accountIdentities, type AccountIdentitySource } from './identity.js';

export type AccountSandboxes = SandboxDropper & SandboxDeleter;

/** Better Auth's options (auth.ts) but the hooks, which the accounts wire themselves. */
export interface AccountsOptions extends Omit<AuthOptions, 'onSignedIn' | 'onSessionsChanged'> {
  cookies: LearnerCookies;
  /** The sandbox host; a getter because the platform is built after the accounts. */
  sandboxes: () => AccountSandboxes | undefined;
  /** Sessions of this user were revoked or the account deleted: close its open sockets. */
  onRevoked?: (userId: string) => void;
}

export interface Accounts {
  auth: Auth;
  identity: AccountIdentitySource;
  db: Db;
  sandboxes: () => AccountSandboxes | undefined;
  /** Whether "Sign in with OpenID Connect" is offered. */
  oidcEnabled: boolean;
  /** Forget cached identities and close the user's sockets after a revocation or deletion. */
  revoked(userId: string): void;
}

export function createAccounts(opts: AccountsOptions): Accounts {
  let identity: AccountIdentitySource | undefined;
  const { cookies: _cookies, sandboxes: _sandboxes, onRevoked: _onRevoked, ...authOptions } = opts;
  const auth = createAuth({
    ...authOptions,
    onSessionsChanged: () => identity?.invalidate(),
    onSignedIn: async (accountId, cookieHeader) => {
      const guestId = opts.cookies.verify(cookieHeader);
      if (!guestId) return;
      if (await carryOverGuest({ db: opts.db, guestId, accountId, sandboxes: opts.sandboxes() })) opts.log?.(`guest work carried into account ${accountId}`);
    },
  });
  identity = accountIdentities({
    guests: opts.cookies,
    lookup: (cookie) => auth.api.getSession({ headers: new Headers({ cookie }) }),
  });
  const revoked = (userId: string) => {
    identity!.invalidate();
    opts.onRevoked?.(userId);
  };
  return { auth, identity, db: opts.db, sandboxes: opts.sandboxes, oidcEnabled: !!opts.oidc, revoked };
}
