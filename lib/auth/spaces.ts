import 'server-only';
import { can, type Actor } from './policy';

// The spaces of the site a person may open, in the order of the main navigation: the links of
// the header, whether it is rendered with the page or filled in the browser (GET /api/v1/me).
export const SPACES = [
  { code: 'myspace', href: '/mon-espace', permission: 'myspace:view' },
  { code: 'mediation', href: '/mediation', permission: 'mediation:view' },
  { code: 'coordination', href: '/coordination', permission: 'coordination:view' },
  { code: 'admin', href: '/admin', permission: 'admin:view' },
] as const;

export type SpaceCode = (typeof SPACES)[number]['code'];
export type Space = { code: SpaceCode; href: string };

export function spacesOf(actor: Actor | null): Space[] {
  return SPACES.filter((space) => can(actor, space.permission)).map(({ code, href }) => ({ code, href }));
}
