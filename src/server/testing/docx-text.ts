/**
 * Reads a generated DOCX back as text, the way a reviewer reads the printed page: paragraphs one per
 * line and table rows as arrays of cell texts. For tests and for checking a layout by eye.
 */
import { strFromU8, unzipSync } from 'fflate';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((match) => match[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity]!))
    .join('');

/** word/document.xml of a DOCX. */
export function docxXml(bytes: Uint8Array): string {
  const file = unzipSync(new Uint8Array(bytes))['word/document.xml'];
  if (!file) throw new Error('not a DOCX: no word/document.xml');
  return strFromU8(file);
}

/** Every paragraph's text, one per line (empty paragraphs left out). */
export function docxText(bytes: Uint8Array): string {
  return docxXml(bytes)
    .split('</w:p>')
    .map(textOf)
    .filter((line) => line !== '')
    .join('\n');
}

/** Every table row of the document, in order, as its cells' texts (a cell's paragraphs joined by '\n'). */
export function docxTableRows(bytes: Uint8Array): string[][] {
  return docxXml(bytes)
    .split('</w:tr>')
    .slice(0, -1)
    .map((row) =>
      row
        .slice(row.lastIndexOf('<w:tr'))
        .split('</w:tc>')
        .slice(0, -1)
        .map((cell) => cell.split('</w:p>').map(textOf).join('\n').replace(/\n+$/, '')),
    );
}
