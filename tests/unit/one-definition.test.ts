import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// "One rule, one place" (issue 13): rules that used to be written several times now have one
// home. These guards read the source as text and fail when a copy comes back.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['app', 'lib', 'db', 'scripts'];

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) out.push(path.relative(ROOT, full));
    }
  };
  for (const dir of SOURCE_DIRS) walk(path.join(ROOT, dir));
  return out;
}

const files = sourceFiles().map((file) => ({ file, lines: readFileSync(path.join(ROOT, file), 'utf8').split('\n') }));

// The statement that starts on line i: up to `span` lines, stopping after the first that ends
// with "," or ";" (a query is often written over two or three chained lines).
function statementAt(lines: string[], i: number, span: number): string {
  const taken: string[] = [];
  for (const line of lines.slice(i, i + span)) {
    taken.push(line);
    if (/[,;]\s*$/.test(line)) break;
  }
  return taken.join('\n');
}

// Where a pattern occurs: "file:line" of each statement that matches.
function occurrences(match: (text: string) => boolean, { span = 1, except = [] as string[] } = {}): string[] {
  const found: string[] = [];
  for (const { file, lines } of files) {
    if (except.includes(file)) continue;
    lines.forEach((_, i) => {
      if (match(statementAt(lines, i, span))) found.push(`${file}:${i + 1}`);
    });
  }
  return found;
}

// A count( … ) with 'confirmed' in the same statement: a seat count written by hand.
const countsSeats = (text: string) => /\bcount\(/i.test(text.split('\n')[0]!) && /'confirmed'/.test(text);

describe('one definition of each rule', () => {
  it('confirmed seats are counted only in lib/enrollment/seats.ts', () => {
    expect(occurrences(countsSeats, { span: 3, except: ['lib/enrollment/seats.ts'] })).toEqual([]);
  });

  it('the seat guard sees the hand-written forms it replaced', () => {
    const lines = [
      "const n = sql<number>`(select count(*)::int from ${enrollments} e",
      "  where e.session_id = ${id} and e.status = 'confirmed')`;",
      "db.select({ n: sql<number>`count(*)::int` })",
      '  .from(enrollments)',
      "  .where(and(eq(enrollments.sessionId, id), eq(enrollments.status, 'confirmed')));",
      "confirmedCount: sql<number>`count(${enrollments.id}) filter (where ${enrollments.status} = 'confirmed')::int`,",
      // Not a seat count: a count of places, then an unrelated statement.
      'db.select({ n: count() }).from(places),',
      "db.select({ n: countDistinct(enrollments.userId) }).where(eq(enrollments.status, 'confirmed')),",
    ];
    const hits = lines.map((_, i) => i).filter((i) => countsSeats(statementAt(lines, i, 3)));
    expect(hits).toEqual([0, 2, 5]);
  });

  it('the audit log is written only by lib/audit.ts', () => {
    const insertsAudit = (text: string) => /\.insert\(\s*auditLog\s*\)|insert\s+into\s+"?audit_log/i.test(text);
    expect(insertsAudit('await tx.insert(auditLog).values({ action })')).toBe(true);
    expect(insertsAudit('await db.execute(sql`insert into audit_log (action) values (1)`)')).toBe(true);
    expect(occurrences(insertsAudit, { except: ['lib/audit.ts'] })).toEqual([]);
  });

  it('"on which places?" is asked through placeScope, not read from the actor outside lib/auth', () => {
    const readsStaffing = (text: string) => /staffedPlaceIds\.includes\(/.test(text);
    // Network-wide or not, asked through a permission that means something else.
    const asksNetworkWide = (text: string) => /\bcan\(\s*\w+!?,\s*'(stats:network|place:manage)'\s*\)/.test(text);
    expect(readsStaffing('actor.staffedPlaceIds.includes(placeId)')).toBe(true);
    expect(asksNetworkWide("const everywhere = can(actor, 'place:manage');")).toBe(true);
    expect(asksNetworkWide("assertCan(actor, 'place:manage');")).toBe(false);
    const authFiles = files.map(({ file }) => file).filter((file) => file.startsWith('lib/auth/'));
    expect(occurrences(readsStaffing, { except: authFiles })).toEqual([]);
    expect(occurrences(asksNetworkWide, { except: authFiles })).toEqual([]);
  });

  it.each([
    ['uuid check', /const isUuid\b|z\.uuid\(\)\.safeParse|\[0-9a-f\]\{8\}-/, 'lib/ids.ts'],
    ['unique-violation test', /'23505'/, 'lib/errors.ts'],
    ['file response', /content-disposition/, 'lib/http/download.ts'],
    ['slug maker', /\[\^a-z0-9\]\+\/g, '-'\)/, 'lib/slug.ts'],
  ] as const)('the %s is written once', (_name, pattern, home) => {
    const found = occurrences((text) => pattern.test(text), { except: [home] });
    expect(found).toEqual([]);
    expect(occurrences((text) => pattern.test(text)).some((where) => where.startsWith(`${home}:`))).toBe(true);
  });

  it('CSV is written only by lib/export/csv.ts (csv-stringify), never escaped by hand', () => {
    const escapesCsv = (text: string) => /replace\(\/"\/g, '""'\)|from 'csv-stringify/.test(text);
    expect(occurrences(escapesCsv, { except: ['lib/export/csv.ts'] })).toEqual([]);
  });

  it.each(['learnerSearchSchema', 'sessionIdSchema'])('%s is defined once', (name) => {
    expect(occurrences((text) => new RegExp(`(const|function) ${name}\\b`).test(text))).toHaveLength(1);
  });

  it('every PDF is built on lib/pdf/document.ts: pdfkit is opened there only, and no built-in font is named', () => {
    expect(occurrences((text) => /from 'pdfkit'|require\('pdfkit'\)|from 'pdf-lib'/.test(text), { except: ['lib/pdf/document.ts'] })).toEqual([]);
    expect(occurrences((text) => /'(Helvetica|Times-Roman|Courier)(-[A-Za-z]+)?'/.test(text))).toEqual([]);
  });
});

// Lines of a file, not counting the empty string after its last newline.
const lineCount = (lines: string[]) => lines.length - (lines.at(-1) === '' ? 1 : 0);

describe('the shape of lib/', () => {
  it('has no file over 400 lines', () => {
    const long = files.filter(({ file, lines }) => file.startsWith('lib/') && lineCount(lines) > 400);
    expect(long.map(({ file, lines }) => `${file}: ${lineCount(lines)} lines`)).toEqual([]);
  });
});
