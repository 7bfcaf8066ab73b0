import 'server-only';
import NextAuth, { CredentialsSignin, type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { verifyCredentials } from '@/lib/accounts';
import { authSecret } from '@/lib/env';
import { RateLimitedError } from '@/lib/errors';
import { log } from '@/lib/log';

// The cookie says who is signed in, nothing more: roles and staffed places are read from the
// database on each request (lib/auth/actor.ts), so that a role taken away applies at once.
declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user'];
  }
}

class TooManyAttempts extends CredentialsSignin {
  code = 'rate_limited';
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 3600 },
  pages: { signIn: '/connexion', error: '/connexion' },
  // A failed sign-in is an everyday event, not an error with a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') log.info({ code: (error as CredentialsSignin).code }, 'sign-in refused');
      else log.error({ err: error }, 'auth error');
    },
    warn(code) {
      log.warn({ code }, 'auth warning');
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'E-mail' }, password: { label: 'Mot de passe', type: 'password' } },
      async authorize(credentials) {
        try {
          return await verifyCredentials(credentials);
        } catch (error) {
          if (error instanceof RateLimitedError) throw new TooManyAttempts();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? '';
      return session;
    },
  },
}));
