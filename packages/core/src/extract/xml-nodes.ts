/**
 * Helpers over fast-xml-parser's `preserveOrder` trees, shared by the DOCX
 * (mammoth's HTML) and ODT (content.xml) readers: each node is an object with
 * one element key holding its children, ':@' its attributes, '#text' its text.
 */
export type XmlNode = Record<string, unknown>;

export function tagOf(node: XmlNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text') return key;
  return null;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const children = tag === null ? undefined : node[tag];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

export function attributesOf(node: XmlNode): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}

export function textOf(node: XmlNode): string {
  const value = node['#text'];
  return typeof value === 'string' ? value : value === undefined ? '' : String(value);
}

/** Collapses spaces and tabs, trims around line breaks. */
export function tidy(text: string): string {
  return text.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

/** Adds a paragraph unless it is empty once tidied. */
export function pushParagraph(paragraphs: string[], text: string): void {
  const tidied = tidy(text);
  if (tidied !== '') paragraphs.push(tidied);
}
