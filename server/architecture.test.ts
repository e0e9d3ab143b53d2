import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The house rules that hold the modules apart, read from the source (no database):
 *   (a) a module uses another through its service, never its repository;
 *   (b) only server/db knows which database is in use;
 *   (c) no two module folders import each other, directly or round a longer loop.
 */

const ROOT = resolve(import.meta.dirname, '..');

const ENGINE_NAMES = new Set(['isPostgres', 'countersApart', 'PostgresAdapter']);
const DRIVERS = new Set(['pg', 'better-sqlite3']);

/** Every .ts file under a folder, as a path relative to the repository with forward slashes. */
function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) found.push(relative(ROOT, path).split(sep).join('/'));
    }
  };
  walk(join(ROOT, folder));
  return found.sort();
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** The module specifiers a file imports or re-exports, at the value or the type level, static or dynamic. */
function importsOf(source: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) specifiers.push(expression.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) specifiers.push(literal.text);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/** Where a file asks which database is in use: the names of server/db's engine checks, or `x.engine ===`. */
function engineChecksOf(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && ENGINE_NAMES.has(node.text)) found.push(node.text);
    if (
      ts.isBinaryExpression(node) &&
      [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(
        node.operatorToken.kind,
      ) &&
      [node.left, node.right].some((side) => ts.isPropertyAccessExpression(side) && side.name.text === 'engine')
    ) {
      found.push(`.engine ${node.operatorToken.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const specifier of importsOf(source)) {
    if (DRIVERS.has(specifier.split('/')[0] ?? '')) found.push(`import '${specifier}'`);
  }
  return found;
}

const parse = (file: string, text = readFileSync(join(ROOT, file), 'utf8')) =>
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);

/** The module folder (server/modules/<name>/…) an import of `file` lands in, and the file it names. */
function target(file: string, specifier: string): { module: string | null; path: string } | null {
  if (!specifier.startsWith('.')) return null;
  const path = relative(ROOT, resolve(ROOT, dirname(file), specifier))
    .split(sep)
    .join('/');
  const match = /^server\/modules\/([^/]+)\//.exec(path);
  return { module: match?.[1] ?? null, path };
}

const moduleOf = (file: string) => /^server\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;

/** Another module's repository imported from a module's file, as "file -> path". */
function foreignRepositoryImports(file: string, source: ts.SourceFile): string[] {
  const own = moduleOf(file);
  if (!own) return [];
  return importsOf(source)
    .map((specifier) => target(file, specifier))
    .filter((t): t is { module: string; path: string } => !!t?.module && t.module !== own)
    .filter((t) => /\.repository(\.js|\.ts)?$/.test(t.path))
    .map((t) => `${file} -> ${t.path}`);
}

/** Module → the modules it imports, each with one file that does it (for the message). */
function moduleGraph(files: { file: string; source: ts.SourceFile }[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const { file, source } of files) {
    const own = moduleOf(file);
    if (!own) continue;
    const edges = graph.get(own) ?? new Map<string, string>();
    graph.set(own, edges);
    for (const specifier of importsOf(source)) {
      const t = target(file, specifier);
      if (t?.module && t.module !== own && !edges.has(t.module)) edges.set(t.module, `${file} -> ${t.path}`);
    }
  }
  return graph;
}

/** Each cycle of the graph once (strongly connected components of more than one module), with the imports on it. */
function cyclesOf(graph: Map<string, Map<string, string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  return components.map((component) => {
    const members = new Set(component);
    const imports = component.flatMap((from) =>
      [...(graph.get(from) ?? new Map<string, string>()).entries()]
        .filter(([to]) => members.has(to))
        .map(([, example]) => example),
    );
    return [`{${component.join(', ')}}`, ...imports];
  });
}

const moduleFiles = sourceFiles('server/modules').filter((file) => !isTest(file));

describe('architecture', () => {
  it('reads the module sources it checks', () => {
    expect(moduleFiles.length).toBeGreaterThan(50);
  });

  it("lets no module import another module's repository (a module uses another through its service)", () => {
    const offenders = moduleFiles.flatMap((file) => foreignRepositoryImports(file, parse(file)));
    expect(offenders).toEqual([]);
  });

  it('keeps the question of which database is in use inside server/db', () => {
    const files = [...sourceFiles('server'), ...sourceFiles('cli')].filter(
      (file) => !file.startsWith('server/db/') && file !== 'server/architecture.test.ts',
    );
    const offenders = files.flatMap((file) => engineChecksOf(parse(file)).map((what) => `${file}: ${what}`));
    expect(offenders).toEqual([]);
  });

  it('has no import cycle between module folders', () => {
    const graph = moduleGraph(moduleFiles.map((file) => ({ file, source: parse(file) })));
    expect(graph.size).toBeGreaterThan(10);
    expect(cyclesOf(graph)).toEqual([]);
  });

  // The checks themselves, on made-up files, so a check that stopped seeing anything would show here.
  describe('checks', () => {
    it('see a repository of another module, but not their own or a service', () => {
      const source = parse(
        'server/modules/mail/x.service.ts',
        [
          "import { a } from '../tickets/tickets.repository.js';",
          "import type { B } from '../tickets/ticket-reads.service.js';",
          "import * as repo from './mail.repository.js';",
          "export { c } from '../sla/sla.repository';",
        ].join('\n'),
      );
      expect(foreignRepositoryImports('server/modules/mail/x.service.ts', source)).toEqual([
        'server/modules/mail/x.service.ts -> server/modules/tickets/tickets.repository.js',
        'server/modules/mail/x.service.ts -> server/modules/sla/sla.repository',
      ]);
    });

    it('see engine checks and drivers', () => {
      const source = parse(
        'server/x.ts',
        [
          "import pg from 'pg';",
          "import Database from 'better-sqlite3';",
          "import { isPostgres } from './db/dialect.js';",
          "if (config.database.engine === 'postgres') run();",
          "const label = config.database.engine !== 'sqlite' ? 'a' : 'b';",
          "const engine = { engine: 'sqlite' }.engine;",
        ].join('\n'),
      );
      expect(engineChecksOf(source).sort()).toEqual(
        ['.engine !==', '.engine ===', "import 'better-sqlite3'", "import 'pg'", 'isPostgres'].sort(),
      );
    });

    it('see a cycle through type imports and round a longer loop', () => {
      const file = (path: string, ...lines: string[]) => ({ file: path, source: parse(path, lines.join('\n')) });
      const graph = moduleGraph([
        file('server/modules/a/a.service.ts', "import type { B } from '../b/b.service.js';"),
        file('server/modules/b/b.service.ts', "import { c } from '../c/c.service.js';"),
        file('server/modules/c/c.service.ts', "import type { A } from '../a/a.service.js';"),
        file('server/modules/d/d.service.ts', "import type { A } from '../a/a.service.js';"),
      ]);
      expect(cyclesOf(graph).map((cycle) => cycle[0])).toEqual(['{a, b, c}']);
    });
  });
});
