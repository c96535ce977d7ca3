/**
 * XML helpers for the query, ec2 and rest-xml protocols: a tiny escaping writer (serialization is on the
 * hot path, a generic builder costs more than string concatenation) and a strict parser wrapper.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const NEEDS_ESCAPE = /[&<>"\r]/;
const ESCAPES = /[&<>"\r]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

/** Escapes text and attribute values alike: S3 writes ETags as `&quot;…&quot;`, apostrophes stay as they are. */
export function escapeXml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, (c) => ENTITY[c]!) : text;
}

/** An element name plus optional namespace declaration, written as `<name xmlns="...">`. */
export function openTag(name: string, xmlns?: string): string {
  return xmlns ? `<${name} xmlns="${escapeXml(xmlns)}">` : `<${name}>`;
}

export type XmlNode = string | { [name: string]: XmlNode | XmlNode[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  textNodeName: '#text',
});

/**
 * Parses an XML document and returns its root element's name and content, or undefined when the text
 * is not well-formed XML (callers answer their protocol's malformed-body error).
 */
export function parseXmlDocument(text: string): { name: string; node: XmlNode } | undefined {
  if (XMLValidator.validate(text) !== true) return undefined;
  let doc: Record<string, XmlNode>;
  try {
    doc = parser.parse(text) as Record<string, XmlNode>;
  } catch {
    return undefined;
  }
  for (const name of Object.keys(doc)) {
    if (name.startsWith('?')) continue;
    const node = doc[name]!;
    return { name, node: Array.isArray(node) ? node[0]! : node };
  }
  return undefined;
}

/** Text content of a parsed element (an element with attributes keeps its text under '#text'). */
export function xmlText(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  const t = node['#text'];
  return typeof t === 'string' ? t : '';
}
