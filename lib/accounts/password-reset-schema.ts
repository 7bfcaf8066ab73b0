import { z } from 'zod';
import { emailSchema } from './schema';

export const requestResetSchema = z.object({ email: emailSchema });
