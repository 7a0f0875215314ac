import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tablesOfLatestSchema } from '../test-support/schema-dump';

/**
 * Each table has one owner, the capability whose stores read and write it. A store that names a
 * table of another capability in its SQL fails here: that capability's store is the way in.
 */
const owners: Record<string, readonly string[]> = {
  vault: ['meta', 'audit_log', 'audit_head'],
  capture: [
    'meetings',
    'notes',
    'notes_fts',
    'signals',
    'summaries_fts',
    'signal_tags',
    'signal_spans',
    'redaction_decisions',
    'meeting_imports',
    'meetings_kept_apart',
    'signal_urgency',
    'follow_ups',
    'capture_memory',
  ],
  exchange: [
    'outgoing_bundles',
    'outgoing_signals',
    'outgoing_items',
    'incoming_bundles',
    'review_items',
    'inbox_memory',
    'conversation_key',
    'received_audit_heads',
  ],
  central: ['central_reports', 'central_cells', 'central_summaries', 'central_sums'],
};
const ownerOf = new Map(Object.entries(owners).flatMap(([capability, tables]) => tables.map((t) => [t, capability] as const)));

const core = join(import.meta.dirname, '..', 'core');

/** The store modules of every capability: `electron/core/<capability>/*-store.ts`. */
const storeModules = (): Array<{ capability: string; file: string }> =>
  readdirSync(core, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(core, d.name))
        .filter((n) => n.endsWith('-store.ts'))
        .map((n) => ({ capability: d.name, file: join(core, d.name, n) })),
    );

/** The text of every string and template literal in a module that reads as SQL. */
function sqlStrings(source: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) found.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' '));
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('store.ts', source, ts.ScriptTarget.Latest, true));
  return found.filter((text) => /\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP)\b/.test(text));
}

/** Tables of other capabilities that the module's SQL names. */
function foreignTables(capability: string, source: string): string[] {
  const named = sqlStrings(source).flatMap((sql) => [...ownerOf.keys()].filter((table) => new RegExp(`\\b${table}\\b`).test(sql)));
  return [...new Set(named)].filter((table) => ownerOf.get(table) !== capability);
}

describe('one owner per table', () => {
  it('names an owner for every table of the vault', () => {
    const tables = tablesOfLatestSchema();
    const fullText = tables.filter((t) => ownerOf.has(t) && t.endsWith('_fts'));
    // A full-text index keeps its own shadow tables (notes_fts_data, …): they belong to the index.
    const own = tables.filter((t) => !fullText.some((f) => t.startsWith(`${f}_`)));
    expect(own.sort()).toEqual([...ownerOf.keys()].sort());
  });

  it('keeps every store to the tables of its own capability', () => {
    const stores = storeModules();
    expect(stores.map((s) => s.capability)).toEqual(expect.arrayContaining(['capture', 'exchange']));
    for (const { capability, file } of stores) {
      expect(Object.keys(owners), file).toContain(capability);
      expect(foreignTables(capability, readFileSync(file, 'utf8')), file).toEqual([]);
    }
  });

  it('catches a store that reaches into another capability', () => {
    const source = 'export const ready = (sql: (text: string) => unknown) => sql(`SELECT s.id FROM signals s JOIN outgoing_signals o ON o.signal_id = s.id`);';
    expect(foreignTables('exchange', source)).toEqual(['signals']);
    expect(foreignTables('capture', source)).toEqual(['outgoing_signals']);
    expect(foreignTables('capture', "const message = 'signals without a meeting';")).toEqual([]);
  });
});
