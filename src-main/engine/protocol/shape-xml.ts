/**
 * Model-driven XML for the query, ec2 and rest-xml protocols: shape + value → XML text (outputs) and
 * parsed XML → shape-typed input (rest-xml request bodies). Member names follow `locationName`.
 */
import type { Shape } from '../models/types';
import { escapeXml, xmlText, type XmlNode } from './xml';
import { formatTimestamp, parseTimestamp } from './timestamps';

/** ec2 answers lists as `<name><item>…</item></name>`; query and rest-xml as `<member>` unless flattened. */
export interface XmlStyle {
  ec2: boolean;
}

export function xmlScalar(shape: Shape, value: unknown): string {
  switch (shape.type) {
    case 'timestamp':
      return String(formatTimestamp(value, shape.timestampFormat ?? 'iso8601'));
    case 'blob':
      return Buffer.isBuffer(value) || value instanceof Uint8Array ? Buffer.from(value).toString('base64') : Buffer.from(String(value)).toString('base64');
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return escapeXml(String(value));
  }
}

/** The children of a structure (no enclosing tag). */
export function writeXmlMembers(shape: Shape, value: Record<string, unknown>, style: XmlStyle): string {
  let out = '';
  const members = shape.members;
  if (!members) return out;
  for (const name in members) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    const m = members[name]!;
    if (m.xmlAttribute || (m.location && m.location !== 'body')) continue;
    out += writeXmlElement(m, v, m.locationName ?? name, style);
  }
  return out;
}

function attributes(shape: Shape, value: unknown): string {
  let out = '';
  const ns = shape.xmlNamespace;
  if (ns) out += ns.prefix ? ` xmlns:${ns.prefix}="${escapeXml(ns.uri)}"` : ` xmlns="${escapeXml(ns.uri)}"`;
  if (shape.type === 'structure' && shape.members && value && typeof value === 'object') {
    for (const name in shape.members) {
      const m = shape.members[name]!;
      if (!m.xmlAttribute) continue;
      const v = (value as Record<string, unknown>)[name];
      if (v !== undefined && v !== null) out += ` ${m.locationName ?? name}="${xmlScalar(m, v)}"`;
    }
  }
  return out;
}

/** One element named `name` holding `value`; flattened lists and maps write several sibling elements. */
export function writeXmlElement(shape: Shape, value: unknown, name: string, style: XmlStyle): string {
  switch (shape.type) {
    case 'structure':
      return `<${name}${attributes(shape, value)}>${writeXmlMembers(shape, value as Record<string, unknown>, style)}</${name}>`;
    case 'list': {
      if (!Array.isArray(value)) return '';
      const member = shape.member!;
      let inner = '';
      if (shape.flattened) {
        const itemName = member.locationName ?? name;
        for (const item of value) if (item !== undefined && item !== null) inner += writeXmlElement(member, item, itemName, style);
        return inner;
      }
      const itemName = member.locationName ?? (style.ec2 ? 'item' : 'member');
      for (const item of value) if (item !== undefined && item !== null) inner += writeXmlElement(member, item, itemName, style);
      return `<${name}${attributes(shape, value)}>${inner}</${name}>`;
    }
    case 'map': {
      if (!value || typeof value !== 'object') return '';
      const keyName = shape.key?.locationName ?? 'key';
      const valueName = shape.value?.locationName ?? 'value';
      const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
      let inner = '';
      for (const [k, v] of entries) {
        if (v === undefined || v === null) continue;
        const entry = `<${keyName}>${escapeXml(String(k))}</${keyName}>${writeXmlElement(shape.value!, v, valueName, style)}`;
        inner += shape.flattened ? `<${name}>${entry}</${name}>` : `<entry>${entry}</entry>`;
      }
      return shape.flattened ? inner : `<${name}>${inner}</${name}>`;
    }
    default:
      return `<${name}${attributes(shape, value)}>${xmlScalar(shape, value)}</${name}>`;
  }
}

const asArray = (node: XmlNode | XmlNode[] | undefined): XmlNode[] =>
  node === undefined ? [] : Array.isArray(node) ? node : [node];

/** Converts one text value to the shape's type; an unparsable value stays a string for validation to report. */
export function coerceScalar(shape: Shape, text: string): unknown {
  switch (shape.type) {
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const n = Number(text);
      return text.trim() === '' || Number.isNaN(n) ? text : n;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'timestamp':
      return parseTimestamp(text) ?? text;
    case 'blob':
      return Buffer.from(text, 'base64');
    default:
      return text;
  }
}

/** Reads a parsed XML element into a value of `shape`. */
export function readXml(shape: Shape, node: XmlNode | undefined): unknown {
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      if (!node || typeof node !== 'object') return out;
      const members = shape.members ?? {};
      for (const name in members) {
        const m = members[name]!;
        if (m.location && m.location !== 'body') continue;
        const tag = m.locationName ?? name;
        if (m.xmlAttribute) {
          const attr = node[`@_${tag.includes(':') ? tag.slice(tag.indexOf(':') + 1) : tag}`];
          if (attr !== undefined) out[name] = coerceScalar(m, xmlText(attr as XmlNode));
          continue;
        }
        const child = node[tag];
        if (child === undefined) continue;
        if (m.type === 'list' && m.flattened) out[name] = asArray(child).map((c) => readXml(m.member!, c));
        else if (m.type === 'map' && m.flattened) out[name] = readMapEntries(m, asArray(child));
        else out[name] = readXml(m, asArray(child)[0]);
      }
      return out;
    }
    case 'list': {
      if (!node || typeof node !== 'object') return [];
      const itemTag = shape.member!.locationName ?? 'member';
      return asArray(node[itemTag]).map((c) => readXml(shape.member!, c));
    }
    case 'map': {
      if (!node || typeof node !== 'object') return Object.create(null);
      return readMapEntries(shape, asArray(node.entry));
    }
    default:
      return coerceScalar(shape, xmlText(node));
  }
}

function readMapEntries(shape: Shape, entries: XmlNode[]): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  const keyTag = shape.key?.locationName ?? 'key';
  const valueTag = shape.value?.locationName ?? 'value';
  for (const e of entries) {
    if (!e || typeof e !== 'object') continue;
    const k = xmlText(asArray(e[keyTag])[0]);
    out[k] = readXml(shape.value!, asArray(e[valueTag])[0]);
  }
  return out;
}
