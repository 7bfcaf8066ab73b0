import 'server-only';
import NextAuth, { CredentialsSignin, type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { verifyCredentials } from '@/lib/accounts';
import { authSecret } from '@/lib/env';
import { RateLimitedError } from '@/lib/errors';
import { clientAddress } from '@/lib/http/client-address';
import { errorSummary, log } from '@/lib/log';
import type { Role } from '@/lib/vocabulary';

declare module 'next-auth' {
  interface User {
    roles?: Role[];
  }
  interface Session {
    user: { id: string; roles: Role[] } & DefaultSession['user'];
  }
}

export const SESSION_IDLE_SECONDS = 12 * 3600;

class TooManyAttempts extends CredentialsSignin {
  code = 'rate_limited';
}

// next-auth builds its redirects from AUTH_URL when set: the public address from configuration,
// never the request's Host or X-Forwarded-Host.
if (process.env.APP_URL && !process.env.AUTH_URL) process.env.AUTH_URL = new URL(process.env.APP_URL).origin;

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  // EPN computers are shared: a session ends after 12 hours without use (renewed at most hourly).
  session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS, updateAge: 3600 },
  pages: { signIn: '/connexion', error: '/connexion' },
  // A failed sign-in is an everyday event, not an error with a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') log.info({ code: (error as CredentialsSignin).code }, 'sign-in refused');
      else log.error({ err: errorSummary(error) }, 'auth error');
    },
    warn(code) {
      log.warn({ code }, 'auth warning');
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'E-mail' }, password: { label: 'Mot de passe', type: 'password' } },
      async authorize(credentials, request) {
        try {
          return await verifyCredentials(credentials, clientAddress(request.headers));
        } catch (error) {
          if (error instanceof RateLimitedError) throw new TooManyAttempts();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.roles = user.roles;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? '';
      session.user.roles = (token.roles as Role[] | undefined) ?? ['learner'];
      return session;
    },
  },
}));
