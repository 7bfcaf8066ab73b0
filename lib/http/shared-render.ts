import 'server-only';
import { headers } from 'next/headers';

// Set by server.mjs (lib/http/page-cache.mjs, which removes any copy a client sent) when it asks
// Next.js for a public page that it will share between everyone who is signed in: the page is
// rendered as for a visitor, and its personal parts (the header's, a session's sign-up panel)
// are left to the browser.
export const SHARED_RENDER_HEADER = 'x-comptoir-shared-render';

export async function isSharedRender(): Promise<boolean> {
  return (await headers()).get(SHARED_RENDER_HEADER) === 'signed-in';
}
