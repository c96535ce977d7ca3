/**
 * No import cycles in the engine, dynamic `import()` included (a cycle hidden behind `await import`
 * is still a cycle: module order decides whether it works). Type-only imports are free.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENGINE = resolve(__dirname, '../../../src-main/engine');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function target(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((c) => c.endsWith('.ts') && existsSync(c));
}

/** The modules a file needs at run time. */
function runtimeImports(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const specs: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specs.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      if (!(named && named.length > 0 && named.every((e) => e.isTypeOnly))) specs.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      specs.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return specs.map((s) => target(file, s)).filter((t): t is string => t !== undefined);
}

function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
  const found: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const dfs = (n: string): void => {
    done.add(n);
    stack.push(n);
    onStack.add(n);
    for (const d of graph.get(n) ?? []) {
      if (onStack.has(d)) found.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!done.has(d)) dfs(d);
    }
    stack.pop();
    onStack.delete(n);
  };
  for (const f of files) if (!done.has(f)) dfs(f);
  return found;
}

describe('engine imports', () => {
  it('form no cycle, dynamic import() included', () => {
    const found = cycles(sources(ENGINE)).map((c) => c.map((f) => relative(ENGINE, f)).join(' → '));
    expect(found).toEqual([]);
  });
});
