import type { z } from 'zod';
import { policyKeysMarkdown } from './policy-docs';
import { exampleValueOf, registryTypeOf, valueKindOf, type ValueKind } from './policy-representation';
import { policyKeys, type PolicyKey } from './policy-schema';

/**
 * The files IT uses to set policy, generated from the schema: a Group Policy template (ADMX with a
 * Dutch and an English ADML), an example for /etc/obi-werkplek/policy.json and the table of keys
 * (docs/it/policy.md carries the same table). They are checked in
 * under build/policy/ and `obi policy templates --out DIR` writes them; a test fails when the
 * checked-in copies drift from the schema. Each generator takes the key table, so tests can feed
 * it keys of kinds the schema does not have yet.
 */

export type KeyTable = Record<string, PolicyKey<z.ZodType>>;
const schemaKeys = policyKeys as unknown as KeyTable;

export const registryKeyPath = 'Software\\Policies\\OBI\\Werkplek';
export const registryKeyFull = `HKEY_LOCAL_MACHINE\\${registryKeyPath}`;
export const linuxPolicyPath = '/etc/obi-werkplek/policy.json';

const templateName = 'obi-werkplek';
const category = 'OBIWerkplek';
const supported = 'SUPPORTED_OBI_WERKPLEK';
const languages = { 'nl-NL': 'nl', 'en-US': 'en' } as const;
type Lang = (typeof languages)[keyof typeof languages];

/** Longest text the Group Policy text box takes for plain and for JSON values. */
const maxLength = { text: 2048, json: 16384 };

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** ADML string ids allow letters, digits and underscores. */
const idPart = (s: string) => s.replace(/[^A-Za-z0-9]/g, '_');

const xmlHeader = '<?xml version="1.0" encoding="utf-8"?>';
const generatedNote = '<!-- Generated from shared/policy/policy-schema.ts by `obi policy templates`; do not edit. -->';
const gpNamespaces =
  'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"';

function admxPolicy(name: string, kind: ValueKind): string[] {
  const open = `    <policy name="${name}" class="Machine" displayName="$(string.${name})" explainText="$(string.${name}_Explain)"`;
  const head = [`      <parentCategory ref="${category}" />`, `      <supportedOn ref="${supported}" />`];
  const keyAttr = `key="${escapeXml(registryKeyPath)}"`;
  if (kind.kind === 'boolean') {
    return [
      `${open} ${keyAttr} valueName="${name}">`,
      ...head,
      '      <enabledValue><decimal value="1" /></enabledValue>',
      '      <disabledValue><decimal value="0" /></disabledValue>',
      '    </policy>',
    ];
  }
  return [
    `${open} presentation="$(presentation.${name})" ${keyAttr}>`,
    ...head,
    '      <elements>',
    ...admxElement(name, kind),
    '      </elements>',
    '    </policy>',
  ];
}

function admxElement(name: string, kind: Exclude<ValueKind, { kind: 'boolean' }>): string[] {
  switch (kind.kind) {
    case 'enum':
      return [
        `        <enum id="${name}" valueName="${name}" required="true">`,
        ...kind.values.map((v) => `          <item displayName="$(string.${name}_${idPart(v)})"><value><string>${escapeXml(v)}</string></value></item>`),
        '        </enum>',
      ];
    case 'integer':
      return [`        <decimal id="${name}" valueName="${name}" required="true" minValue="${kind.min}" maxValue="${kind.max}" />`];
    case 'text':
    case 'json':
      return [`        <text id="${name}" valueName="${name}" required="true" maxLength="${maxLength[kind.kind]}" />`];
  }
}

export function admxTemplate(keys: KeyTable = schemaKeys): string {
  return [
    xmlHeader,
    generatedNote,
    `<policyDefinitions ${gpNamespaces}>`,
    '  <policyNamespaces>',
    '    <target prefix="obiwerkplek" namespace="OBI.Policies.Werkplek" />',
    '  </policyNamespaces>',
    '  <resources minRequiredRevision="1.0" />',
    '  <supportedOn>',
    '    <definitions>',
    `      <definition name="${supported}" displayName="$(string.${supported})" />`,
    '    </definitions>',
    '  </supportedOn>',
    '  <categories>',
    `    <category name="${category}" displayName="$(string.${category})" />`,
    '  </categories>',
    '  <policies>',
    ...Object.entries(keys).flatMap(([name, spec]) => admxPolicy(name, valueKindOf(spec.schema))),
    '  </policies>',
    '</policyDefinitions>',
    '',
  ].join('\n');
}

const words = {
  nl: {
    description: 'Beleid voor OBI Werkplek: instellingen per computer die de gebruiker niet kan wijzigen.',
    default: 'Standaard (niet geconfigureerd)',
    required: 'Verplicht: zonder deze instelling start de app alleen-lezen.',
    optional: 'Optioneel: niet geconfigureerd betekent geen waarde.',
    registry: 'Register',
    json: 'Waarde: JSON-tekst op één regel (tekens buiten ASCII als \\u-escape), bijvoorbeeld',
    jsonLabel: 'JSON-waarde',
  },
  en: {
    description: 'Policy for OBI Werkplek: per-computer settings the user cannot change.',
    default: 'Default (not configured)',
    required: 'Required: without this setting the app starts read-only.',
    optional: 'Optional: not configured means no value.',
    registry: 'Registry',
    json: 'Value: JSON text on one line (characters outside ASCII as \\u escapes), for example',
    jsonLabel: 'JSON value',
  },
} as const;

const showValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function explainText(name: string, spec: PolicyKey<z.ZodType>, kind: ValueKind, lang: Lang): string {
  const w = words[lang];
  const lines = [spec.description[lang], ''];
  const example = exampleValueOf(name, spec);
  if (kind.kind === 'json' && example !== undefined) lines.push(`${w.json}: ${JSON.stringify(example)}`, '');
  lines.push(spec.default !== undefined ? `${w.default}: ${showValue(spec.default)}` : spec.optional ? w.optional : w.required);
  lines.push(`${w.registry}: HKLM\\${registryKeyPath}\\${name} (${registryTypeOf(kind)})`);
  return lines.join('\n');
}

function presentation(name: string, spec: PolicyKey<z.ZodType>, kind: ValueKind, lang: Lang): string | null {
  const label = escapeXml(spec.label?.[lang] ?? name);
  switch (kind.kind) {
    case 'boolean':
      return null;
    case 'enum': {
      const defaultItem = typeof spec.default === 'string' ? ` defaultItem="${kind.values.indexOf(spec.default)}"` : '';
      return `      <presentation id="${name}"><dropdownList refId="${name}" noSort="true"${defaultItem}>${label}</dropdownList></presentation>`;
    }
    case 'integer': {
      const defaultValue = typeof spec.default === 'number' ? ` defaultValue="${spec.default}"` : '';
      return `      <presentation id="${name}"><decimalTextBox refId="${name}"${defaultValue} spinStep="1">${label}</decimalTextBox></presentation>`;
    }
    case 'text': {
      const defaultValue = typeof spec.default === 'string' ? `<defaultValue>${escapeXml(spec.default)}</defaultValue>` : '';
      return `      <presentation id="${name}"><textBox refId="${name}"><label>${label}</label>${defaultValue}</textBox></presentation>`;
    }
    case 'json':
      return `      <presentation id="${name}"><textBox refId="${name}"><label>${escapeXml(`${spec.label?.[lang] ?? name} (${words[lang].jsonLabel})`)}</label></textBox></presentation>`;
  }
}

function strings(name: string, spec: PolicyKey<z.ZodType>, kind: ValueKind, lang: Lang): string[] {
  const s = (id: string, text: string) => `      <string id="${id}">${escapeXml(text)}</string>`;
  return [
    s(name, spec.label?.[lang] ?? name),
    s(`${name}_Explain`, explainText(name, spec, kind, lang)),
    ...(kind.kind === 'enum' ? kind.values.map((v) => s(`${name}_${idPart(v)}`, v)) : []),
  ];
}

export function admlTemplate(lang: Lang, keys: KeyTable = schemaKeys): string {
  const entries = Object.entries(keys).map(([name, spec]) => [name, spec, valueKindOf(spec.schema)] as const);
  return [
    xmlHeader,
    generatedNote,
    `<policyDefinitionResources ${gpNamespaces}>`,
    '  <displayName>OBI Werkplek</displayName>',
    `  <description>${escapeXml(words[lang].description)}</description>`,
    '  <resources>',
    '    <stringTable>',
    `      <string id="${category}">OBI Werkplek</string>`,
    `      <string id="${supported}">OBI Werkplek</string>`,
    ...entries.flatMap(([name, spec, kind]) => strings(name, spec, kind, lang)),
    '    </stringTable>',
    '    <presentationTable>',
    ...entries.map(([name, spec, kind]) => presentation(name, spec, kind, lang)).filter((p): p is string => p !== null),
    '    </presentationTable>',
    '  </resources>',
    '</policyDefinitionResources>',
    '',
  ].join('\n');
}

/** An example /etc/obi-werkplek/policy.json: every key with its default or example value (optional keys without an example left out). */
export function linuxExamplePolicy(keys: KeyTable = schemaKeys): string {
  return `${JSON.stringify(Object.fromEntries(Object.entries(keys).map(([name, spec]) => [name, exampleValueOf(name, spec)])), null, 2)}\n`;
}

/** Every generated file, by path relative to build/policy/. */
export function policyTemplateFiles(keys: KeyTable = schemaKeys): Record<string, string> {
  const files: Record<string, string> = { [`windows/${templateName}.admx`]: admxTemplate(keys) };
  for (const [locale, lang] of Object.entries(languages)) files[`windows/${locale}/${templateName}.adml`] = admlTemplate(lang, keys);
  files['linux/policy.json'] = linuxExamplePolicy(keys);
  files['policy-keys.md'] = `${policyKeysMarkdown(keys)}\n`;
  return files;
}
