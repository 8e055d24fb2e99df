import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * Finds every audit action the server code can write: each call of `recordAudit` /
 * `appendAuditRow` / `recordExport`, and the strings its action can take. A literal, a ternary of
 * literals, or a local `const` holding one resolve to their strings; a parameter of a named
 * function is followed to that function's calls (in the same file). Anything else (a string built
 * at run time) is reported as unknown, because nobody could then be sure it has a label. Syntax
 * only (the compiler over the whole server takes minutes on a loaded machine).
 */

const SERVER_ROOT = resolve(import.meta.dirname, '../..');
const WRITERS = new Set(['recordAudit', 'appendAuditRow', 'recordExport']);

export interface ScannedAction {
  action: string;
  /** file:line of the call that writes it */
  at: string;
}

export interface AuditActionScan {
  actions: ScannedAction[];
  /** calls whose action is neither literal nor typed `AuditAction` */
  unknown: string[];
  calls: number;
}

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : serverFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

function calleeName(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

function property(objectLiteral: ts.Expression | undefined, name: string): ts.Expression | null {
  if (!objectLiteral || !ts.isObjectLiteralExpression(objectLiteral)) return null;
  for (const prop of objectLiteral.properties) {
    if (ts.isPropertyAssignment(prop) && prop.name.getText() === name) return prop.initializer;
    if (ts.isShorthandPropertyAssignment(prop) && prop.name.text === name) return prop.name;
  }
  return null;
}

/** The declaration `name` refers to, looked up through the enclosing scopes of `from`. */
function findDeclaration(
  from: ts.Node,
  name: string,
): ts.VariableDeclaration | ts.ParameterDeclaration | null {
  for (let scope: ts.Node | undefined = from.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope)) {
      const parameter = scope.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (parameter) return parameter;
    }
    if (ts.isBlock(scope) || ts.isSourceFile(scope)) {
      for (const statement of scope.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        if (!(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
        const declaration = statement.declarationList.declarations.find(
          (d) => ts.isIdentifier(d.name) && d.name.text === name,
        );
        if (declaration) return declaration;
      }
    }
  }
  return null;
}

/** The strings an action expression can be, or null when it cannot be known from the source. */
function resolveStrings(expression: ts.Expression, source: ts.SourceFile, depth = 0): string[] | null {
  if (depth > 5) return null;
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression))
    return [expression.text];
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression))
    return resolveStrings(expression.expression, source, depth);
  if (ts.isConditionalExpression(expression)) {
    const whenTrue = resolveStrings(expression.whenTrue, source, depth);
    const whenFalse = resolveStrings(expression.whenFalse, source, depth);
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : null;
  }
  if (!ts.isIdentifier(expression)) return null;
  const declaration = findDeclaration(expression, expression.text);
  if (!declaration) return null;
  if (ts.isVariableDeclaration(declaration))
    return declaration.initializer ? resolveStrings(declaration.initializer, source, depth) : null;
  // a parameter: what every call of its function passes there
  const fn = declaration.parent;
  if (!ts.isFunctionDeclaration(fn) || !fn.name) return null;
  const index = fn.parameters.indexOf(declaration);
  const passed: string[] = [];
  let calls = 0;
  let known = true;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && calleeName(node) === fn.name!.text) {
      calls += 1;
      const argument = node.arguments[index];
      const strings = argument ? resolveStrings(argument, source, depth + 1) : null;
      if (strings) passed.push(...strings);
      else known = false;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return known && calls > 0 ? passed : null;
}

export function scanAuditActions(): AuditActionScan {
  const actions: ScannedAction[] = [];
  const unknown: string[] = [];
  let calls = 0;
  for (const file of serverFiles(SERVER_ROOT)) {
    const text = readFileSync(file, 'utf8');
    if (![...WRITERS].some((writer) => text.includes(`${writer}(`))) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        if (name && WRITERS.has(name) && !insideWriter(node)) {
          calls += 1;
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          const at = `${relative(SERVER_ROOT, file)}:${line + 1}`;
          // recordExport(db, actor, { entityType }) writes `${entityType}.export`
          const target =
            name === 'recordExport'
              ? property(node.arguments[2], 'entityType')
              : property(node.arguments[name === 'appendAuditRow' ? 1 : 2], 'action');
          const resolved = target ? resolveStrings(target, source) : null;
          if (!resolved) unknown.push(at);
          else
            for (const action of resolved)
              actions.push({ action: name === 'recordExport' ? `${action}.export` : action, at });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { actions, unknown, calls };
}

/** The writers' own bodies pass their parameter through (recordExport → recordAudit). */
function insideWriter(node: ts.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isFunctionDeclaration(parent) && parent.name && WRITERS.has(parent.name.text)) return true;
  }
  return false;
}
