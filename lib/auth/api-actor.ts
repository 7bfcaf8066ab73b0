// Kept for the routes that import it under this name; the one implementation is lib/auth/api.ts.
export { getApiActor } from './api';
