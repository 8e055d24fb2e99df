import { resolve } from 'node:path';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-database.ts';
import type { DatabaseHandle } from './database.ts';

/**
 * The Kysely table types in schema.ts are written by hand; this test keeps them equal to what the
 * migrations build (table names, column names, and whether a column may be null), so a migration
 * without its type — or a type without its migration — fails here instead of at run time.
 */

const SCHEMA_FILE = resolve(import.meta.dirname, 'schema.ts');

interface DeclaredColumn {
  /** null = the type does not say (a `Json` column selects `unknown`, which includes null) */
  isNullable: boolean | null;
}

/** Every table of the merged `Database` interface, read with the TypeScript checker. */
function readDeclaredTables(): Map<string, Map<string, DeclaredColumn>> {
  const program = ts.createProgram([SCHEMA_FILE], {
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SCHEMA_FILE)!;
  const database = source.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === 'Database',
  )!;
  const databaseType = checker.getTypeAtLocation(database.name);
  const tables = new Map<string, Map<string, DeclaredColumn>>();
  for (const table of databaseType.getProperties()) {
    const tableType = checker.getTypeOfSymbolAtLocation(table, database);
    const columns = new Map<string, DeclaredColumn>();
    for (const column of tableType.getProperties()) {
      const declaration = column.declarations?.[0];
      const typeNode = declaration && ts.isPropertySignature(declaration) ? declaration.type : undefined;
      columns.set(column.name, { isNullable: typeNode ? hasTopLevelNull(typeNode) : false });
    }
    tables.set(table.name, columns);
  }
  return tables;
}

/** `X | null` (or a `Generated<X | null>`): the column's selected value may be null. */
function hasTopLevelNull(node: ts.TypeNode): boolean | null {
  if (ts.isTypeReferenceNode(node) && node.typeName.getText() === 'Json') return null;
  return isNullUnion(node);
}

function isNullUnion(node: ts.TypeNode): boolean {
  if (ts.isUnionTypeNode(node)) return node.types.some(isNullUnion);
  if (ts.isLiteralTypeNode(node)) return node.literal.kind === ts.SyntaxKind.NullKeyword;
  if (ts.isTypeReferenceNode(node) && node.typeName.getText() === 'Generated' && node.typeArguments?.[0])
    return isNullUnion(node.typeArguments[0]);
  return false;
}

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('db/schema.ts', () => {
  it('declares exactly the tables and columns the migrations create, with their nullability', async () => {
    const declared = readDeclaredTables();
    const rows = await sql<{
      table_name: string;
      column_name: string;
      is_nullable: 'YES' | 'NO';
      is_generated: 'ALWAYS' | 'NEVER';
    }>`
      select table_name, column_name, is_nullable, is_generated
      from information_schema.columns
      where table_schema = 'public'
        and table_name in (select table_name from information_schema.tables
                           where table_schema = 'public' and table_type = 'BASE TABLE')
      order by table_name, ordinal_position`.execute(database.db);
    const actual = new Map<string, Map<string, DeclaredColumn>>();
    for (const row of rows.rows) {
      const columns = actual.get(row.table_name) ?? new Map<string, DeclaredColumn>();
      // PostgreSQL reports every generated column as nullable, whatever its expression: the type's word
      const isNullable =
        row.is_generated === 'ALWAYS'
          ? (declared.get(row.table_name)?.get(row.column_name)?.isNullable ?? true)
          : row.is_nullable === 'YES';
      columns.set(row.column_name, { isNullable });
      actual.set(row.table_name, columns);
    }
    // a column whose type does not say whether it is nullable takes the database's word
    for (const [table, columns] of declared)
      for (const [name, column] of columns)
        if (column.isNullable === null) column.isNullable = actual.get(table)?.get(name)?.isNullable ?? false;
    const describeTables = (tables: Map<string, Map<string, DeclaredColumn>>) =>
      Object.fromEntries(
        [...tables.entries()]
          .sort(([left], [right]) => left.localeCompare(right))
          .map(([table, columns]) => [
            table,
            [...columns.entries()].map(([name, column]) => `${name}${column.isNullable ? '?' : ''}`).sort(),
          ]),
      );
    expect(describeTables(declared)).toEqual(describeTables(actual));
  });
});
