import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The capture and apply scripts are injected into job sites: what it imports ends up in its bundle. Walk its import
// graph from source (the e2e convention test checks the built bundle): no full zod, React, Dexie or
// openai, and nothing from lib/db, lib/llm or lib/storage. Type-only imports vanish and are skipped.

const ROOT = path.resolve(import.meta.dirname, '../..');
const FORBIDDEN_PACKAGES = /^(zod(\/v4|\/v3)?(\/classic)?|react|react-dom|dexie|openai)(\/|$)/;
const FORBIDDEN_PATHS = /\/lib\/(db|llm|storage)\//;

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/') ? path.join(ROOT, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    try {
      if (readFileSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

/** Module specifiers a file imports or re-exports for values (type-only imports and exports are erased). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly));
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

/** Every file and package an entry reaches through value imports. */
function importGraph(entry: string): { files: string[]; packages: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [path.join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      if (specifier.startsWith('.') || specifier.startsWith('@/')) {
        const resolved = resolveLocal(file, specifier);
        if (resolved) queue.push(resolved);
      } else {
        packages.add(specifier);
      }
    }
  }
  return { files: [...seen].map((f) => path.relative(ROOT, f)), packages: [...packages] };
}

describe.each([
  { entry: 'entrypoints/capture.content/index.ts', reaches: ['lib/capture/index.ts', 'lib/capture/readability.ts'], notModel: 'lib/capture/model.ts' },
  { entry: 'entrypoints/apply.content/index.ts', reaches: ['lib/apply/fill.ts', 'lib/apply/match.ts'], notModel: 'lib/apply/model.ts' },
])('$entry imports', ({ entry, reaches, notModel }) => {
  it('reach no full zod, React, Dexie, openai, lib/db, lib/llm or lib/storage', () => {
    const { files, packages } = importGraph(entry);
    for (const file of reaches) expect(files).toContain(file);
    expect(files.filter((f) => FORBIDDEN_PATHS.test(`/${f}`))).toEqual([]);
    expect(packages.filter((p) => FORBIDDEN_PACKAGES.test(p))).toEqual([]);
    // The zod schemas the worker checks results with stay out of the page.
    expect(files).not.toContain(notModel);
  });
});
