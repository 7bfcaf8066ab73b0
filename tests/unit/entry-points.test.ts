import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every entry point goes through the shared wrappers: route handlers through apiRoute
// (problem+json, request id, URL hygiene), server actions through serverAction / formAction
// (a required zod schema, French messages, the actor). A new file that skips them fails here.

const APP = path.resolve(import.meta.dirname, '../../app');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const sources = filesUnder(APP).filter((f) => /\.(ts|tsx)$/.test(f));
const rel = (f: string) => path.relative(APP, f);
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

describe('route handlers', () => {
  const routes = sources.filter((f) => /(^|\/)route\.ts$/.test(f));

  it('are found', () => {
    expect(routes.length).toBeGreaterThan(15);
  });

  it.each(routes.map(rel))('%s wraps every method in apiRoute', (file) => {
    const text = readFileSync(path.join(APP, file), 'utf8');
    const reexport = /export\s*\{\s*([A-Z, ]+)\s*\}\s*from\s*'@\/app\/([^']+)'/.exec(text);
    if (reexport) {
      // Re-exported from another route file, itself checked here.
      expect(routes.map(rel)).toContain(`${reexport[2]}.ts`);
      return;
    }
    expect(text, 'no function declarations as handlers').not.toMatch(new RegExp(`export\\s+(async\\s+)?function\\s+(${METHODS.join('|')})\\b`));
    expect(text, 'no handlers exported by destructuring').not.toMatch(/export\s+const\s*\{/);
    const exported = [...text.matchAll(new RegExp(`export\\s+const\\s+(${METHODS.join('|')})\\s*=\\s*([\\w.]+)`, 'g'))];
    expect(exported.length, 'exports at least one method').toBeGreaterThan(0);
    for (const [, method, wrapper] of exported) expect(wrapper, `${method} in ${file}`).toBe('apiRoute');
  });
});

describe('server actions', () => {
  const actionFiles = sources.filter((f) => readFileSync(f, 'utf8').includes("'use server'"));

  it('are found', () => {
    expect(actionFiles.length).toBeGreaterThan(15);
  });

  it.each(actionFiles.map(rel))('%s declares "use server" at the top and exports only serverAction / formAction / readAction', (file) => {
    const text = readFileSync(path.join(APP, file), 'utf8');
    expect(text.trimStart().startsWith("'use server'"), 'no inline "use server" inside components').toBe(true);
    expect(text, 'no bare exported functions').not.toMatch(/export\s+(default\s+)?(async\s+)?function/);
    const exported = [...text.matchAll(/export\s+const\s+(\w+)\s*=\s*(\w+)\(/g)];
    expect(exported.length).toBeGreaterThan(0);
    for (const [, name, wrapper] of exported) expect(['serverAction', 'formAction', 'readAction'], `${name} in ${file}`).toContain(wrapper);
    // Every export is one of those.
    expect([...text.matchAll(/^export\s/gm)].length).toBe(exported.length);
  });
});
