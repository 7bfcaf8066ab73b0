// Another app instance, for tests/integration/cache.test.ts: a separate Node process on the same
// PostgreSQL database (DATABASE_URL) that signs a learner up for a session through lib/enrollment,
// as a second `next start` behind the load balancer would, then exits.
// Usage: tsx --conditions=react-server tests/helpers/other-instance.ts <sessionId> <learnerId>
import { closeDb } from '@/db';
import { loadActor } from '@/lib/accounts';
import { enroll } from '@/lib/enrollment';

const [sessionId, learnerId] = process.argv.slice(2);
const actor = await loadActor(learnerId!);
const result = await enroll(actor, sessionId!);
console.log(JSON.stringify(result));
await closeDb();
