import { z } from 'zod';

export const NETWORK_ROLES = ['coordinator', 'admin'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

export const updateAccountSchema = z
  .object({
    roles: z.array(z.enum(NETWORK_ROLES, { error: 'Rôle inconnu : coordinator ou admin.' })).max(2).optional().describe('Rôles du réseau, en entier (les médiateurs sont gérés par lieu)'),
    disabled: z.boolean().optional().describe('true : le compte ne peut plus se connecter, ses sessions se terminent'),
  })
  .strict()
  .refine((v) => v.roles !== undefined || v.disabled !== undefined, { message: 'Indiquez roles ou disabled.' });

