/**
 * Generates every kind of bad input clausier must survive, into a folder, at
 * test time (no large binary is committed). Each file comes with the error
 * code it must get, or `null` when it must be audited normally (wrong
 * extension, odd name, Windows-1252 text...).
 *
 *   npx tsx scripts/make-broken-files.ts <folder>     writes the files and prints the list
 *
 * Used by tests/robustness/ and scripts/fuzz-extractors.ts.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32, deflateRawSync, constants as zlibConstants, createDeflateRaw } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ExtractionErrorCode } from '../packages/core/src/extract/types.js';

export interface BrokenFile {
  /** File name inside the folder (may hold spaces, accents, emoji). */
  name: string;
  /** The code the file must be reported with, or null: it must be audited normally. */
  expected: ExtractionErrorCode | null;
  /** What the file is, for test names and the printed list. */
  what: string;
  /** Limits under which `expected` holds, when not the defaults (the CLI flags of the same name). */
  limits?: { maxBytes?: number; timeoutMs?: number };
  /** Expected to contain, in the file's text once read (for files that must be audited). */
  contains?: string;
  /** Password to pass (encrypted PDF read with --password). */
  password?: string;
}

/** Password of `encrypted-with-password.pdf`; the same file without it is `encrypted`. */
export const PDF_PASSWORD = 'Cl@usier-2025';
/** Per-file time limit under which `slow.pdf` must time out, milliseconds. */
export const SLOW_FILE_TIMEOUT_MS = 1_500;

const CONTRACT_LINES = [
  'CONTRAT DE MAINTENANCE DU LOGICIEL DE GESTION DES RENDEZ-VOUS',
  'Article 7 – Notification des incidents de sécurité',
  'Le Titulaire notifie au Client tout incident de sécurité dans un délai de',
  'vingt-quatre (24) heures à compter de sa détection.',
  'Article 8 – Journalisation',
  'Le Titulaire conserve les journaux de sécurité pendant douze (12) mois.',
];

export async function makeBrokenFiles(folder: string): Promise<BrokenFile[]> {
  mkdirSync(folder, { recursive: true });
  const files: BrokenFile[] = [];
  const put = (file: BrokenFile, bytes: Uint8Array | string) => {
    writeFileSync(join(folder, file.name), bytes);
    files.push(file);
  };

  const goodPdf = await textPdf([CONTRACT_LINES]);
  const goodDocx = await docx(`<w:p><w:r><w:t>${CONTRACT_LINES.join('</w:t></w:r></w:p><w:p><w:r><w:t>')}</w:t></w:r></w:p>`);

  put({ name: 'vide.pdf', expected: 'empty', what: 'an empty file' }, new Uint8Array());
  put({ name: 'tronqué.pdf', expected: 'corrupt', what: 'a PDF cut before its first page object' }, truncatePdf(goodPdf));
  put({ name: 'corrompu.pdf', expected: 'corrupt', what: 'a PDF header followed by garbage' }, Buffer.concat([Buffer.from('%PDF-1.7\n'), pseudoRandom(4096, 'corrupt')]));
  put({ name: 'presque-vide.pdf', expected: 'low-text', what: 'a born-digital PDF with almost no text' }, await textPdf([['Page 1'], ['Paraphe']]));
  put({ name: 'chiffré.pdf', expected: 'encrypted', what: 'a password-protected PDF, no password given' }, encryptedPdf(CONTRACT_LINES, PDF_PASSWORD));
  put(
    { name: 'chiffré-avec-mot-de-passe.pdf', expected: null, what: 'a password-protected PDF read with --password', password: PDF_PASSWORD, contains: 'vingt-quatre (24) heures' },
    encryptedPdf(CONTRACT_LINES, PDF_PASSWORD),
  );
  put({ name: 'protégé.docx', expected: 'encrypted', what: 'a password-protected DOCX (OLE2 EncryptedPackage)' }, encryptedOfficeContainer());
  put({ name: 'protégé.odt', expected: 'encrypted', what: 'a password-protected ODT (manifest encryption-data)' }, await encryptedOdt());
  put({ name: 'en-fait-un-docx.pdf', expected: null, what: 'a DOCX named .pdf (content wins)', contains: 'douze (12) mois' }, goodDocx);
  put({ name: 'en-fait-un-pdf.docx', expected: null, what: 'a PDF named .docx (content wins)', contains: 'douze (12) mois' }, goodPdf);
  put({ name: 'octets-aléatoires.pdf', expected: 'unsupported-format', what: 'random bytes' }, pseudoRandom(8192, 'random'));
  put({ name: 'bombe.docx', expected: 'zip-bomb', what: 'a DOCX whose document.xml inflates to 300 MiB' }, await zipBombDocx());
  put({ name: 'entités.docx', expected: 'xml-entities', what: 'a DOCX with a billion-laughs DTD' }, await docx('<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>', BILLION_LAUGHS));
  put({ name: 'docx-tronqué.docx', expected: 'corrupt', what: 'a DOCX cut in half' }, goodDocx.subarray(0, Math.floor(goodDocx.length / 2)));
  put({ name: 'trop-de-pages.pdf', expected: 'too-many-pages', what: 'a PDF of 501 pages (limit 500)' }, await blankPdf(501));
  put(
    { name: 'lent.pdf', expected: 'timeout', what: `a PDF of 40 pages, each 1 000 000 text operators (limit ${SLOW_FILE_TIMEOUT_MS} ms)`, limits: { timeoutMs: SLOW_FILE_TIMEOUT_MS } },
    slowPdf(),
  );
  put(
    { name: 'windows-1252.txt', expected: null, what: 'a Windows-1252 text file', contains: 'détection' },
    Buffer.from(CONTRACT_LINES.join('\r\n'), 'latin1'),
  );
  put({ name: "Contrat d'hébergement 🏥 v2 final.pdf", expected: null, what: 'a good PDF with spaces, accents and emoji in its name', contains: 'douze (12) mois' }, goodPdf);

  // Over the default 50 MiB limit without using the disk: a sparse file.
  const huge: BrokenFile = { name: 'énorme.pdf', expected: 'too-large', what: 'a 60 MiB (sparse) file over the 50 MiB limit' };
  writeFileSync(join(folder, huge.name), '%PDF-1.7\n');
  truncateSync(join(folder, huge.name), 60 * 1024 * 1024);
  files.push(huge);

  symlinkSync('nulle-part.pdf', join(folder, 'lien-cassé.pdf'));
  files.push({ name: 'lien-cassé.pdf', expected: 'broken-link', what: 'a symbolic link to a missing file' });
  symlinkSync('boucle-b.pdf', join(folder, 'boucle-a.pdf'));
  symlinkSync('boucle-a.pdf', join(folder, 'boucle-b.pdf'));
  files.push({ name: 'boucle-a.pdf', expected: 'broken-link', what: 'a symbolic link loop (a → b → a)' });
  files.push({ name: 'boucle-b.pdf', expected: 'broken-link', what: 'the other end of the loop' });

  files.push(makeUnreadable(folder));
  return files;
}

/**
 * chmod 000 stops everyone but root, and tests often run as root. A FIFO is
 * unreadable for root too (it is not a regular file, and a naive reader would
 * block on it forever), so root gets one of those instead.
 */
function makeUnreadable(folder: string): BrokenFile {
  const asRoot = process.getuid?.() === 0;
  if (asRoot || process.platform === 'win32') {
    const name = 'tube-nommé.pdf';
    execFileSync('mkfifo', [join(folder, name)]);
    return { name, expected: 'unreadable', what: 'a named pipe (FIFO): chmod 000 cannot stop root, a FIFO stops every reader' };
  }
  const name = 'illisible.pdf';
  writeFileSync(join(folder, name), '%PDF-1.7\n');
  chmodSync(join(folder, name), 0o000);
  return { name, expected: 'unreadable', what: 'a file with permissions 000' };
}

// ---------------------------------------------------------------- PDFs

async function textPdf(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 18, size: 12, font }));
  }
  return doc.save({ useObjectStreams: false });
}

async function blankPdf(pageCount: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pageCount; i++) doc.addPage([595, 842]);
  return doc.save();
}

/** Keeps the header and a little more: no object, no cross-reference table is complete. */
function truncatePdf(pdf: Uint8Array): Uint8Array {
  return pdf.subarray(0, Math.min(pdf.length, 400));
}

/**
 * Forty pages sharing one content stream of 1 000 000 tiny show-text operators:
 * minutes of pdf.js work whatever the machine, in a 50 KB file (deflated, and
 * the stream is stored once).
 */
function slowPdf(): Uint8Array {
  const operators = Buffer.from(`BT /F1 1 Tf 10 10 Td ${'(ab) Tj 0.001 0 Td '.repeat(1_000_000)}ET`, 'latin1');
  return simplePdf(deflateRawToZlib(operators), { filter: '/FlateDecode', pages: 40 });
}

/**
 * A minimal PDF whose pages all show one given content stream, optionally
 * encrypted with the Standard security handler (revision 3, RC4 128-bit),
 * written by hand: pdf-lib cannot encrypt, and the test must not need qpdf.
 * Objects: 1 catalog, 2 page tree, 3 font, 4 content stream, 5 encryption
 * dictionary (when encrypted), then one object per page.
 */
function simplePdf(content: Buffer, options: { filter?: string; encrypt?: { userPassword: string }; pages?: number } = {}): Uint8Array {
  const id = createHash('md5').update('clausier-test-pdf').digest();
  const security = options.encrypt ? standardSecurity(options.encrypt.userPassword, id) : null;
  const streamBytes = security ? rc4(security.objectKey(4, 0), content) : content;
  const pageCount = options.pages ?? 1;
  const firstPage = 6;
  const pageRefs = Array.from({ length: pageCount }, (_, i) => `${firstPage + i} 0 R`).join(' ');
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from(`<< /Type /Pages /Kids [${pageRefs}] /Count ${pageCount} >>`),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    Buffer.concat([
      Buffer.from(`<< /Length ${streamBytes.length}${options.filter ? ` /Filter ${options.filter}` : ''} >>\nstream\n`),
      streamBytes,
      Buffer.from('\nendstream'),
    ]),
    Buffer.from(
      security
        ? `<< /Filter /Standard /V 2 /R 3 /Length 128 /P ${security.permissions} /O <${security.owner.toString('hex')}> /U <${security.user.toString('hex')}> >>`
        : '<< >>', // unused when not encrypted
    ),
    ...Array.from({ length: pageCount }, () =>
      Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>'),
    ),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const trailer =
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]` +
    (security ? ' /Encrypt 5 0 R' : '') +
    ` >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref + trailer));
  return Buffer.concat(parts);
}

function encryptedPdf(lines: string[], userPassword: string): Uint8Array {
  const escape = (line: string) => line.replace(/[\\()]/g, (c) => `\\${c}`);
  const body = lines.map((line, i) => `BT /F1 12 Tf 56 ${780 - i * 18} Td (${escape(line)}) Tj ET`).join('\n');
  // WinAnsiEncoding: Latin-1 bytes for é, à; the en dash is 0x96.
  return simplePdf(Buffer.from(body.replace(/–/g, '\x96'), 'latin1'), { encrypt: { userPassword } });
}

const PASSWORD_PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

/** PDF 1.7 (ISO 32000-1) §7.6.3, algorithms 2, 3 and 5 for revision 3 with a 16-byte key. */
function standardSecurity(userPassword: string, id: Buffer) {
  const pad = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PASSWORD_PADDING]).subarray(0, 32);
  const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
  const rehash50 = (digest: Buffer) => {
    for (let i = 0; i < 50; i++) digest = md5(digest.subarray(0, 16));
    return digest.subarray(0, 16);
  };
  const rc4Rounds = (key: Buffer, data: Buffer) => {
    let out = rc4(key, data);
    for (let i = 1; i <= 19; i++) out = rc4(Buffer.from(key.map((byte) => byte ^ i)), out);
    return out;
  };
  const permissions = -3904; // print, copy and the rest allowed: only the password matters here
  const ownerKey = rehash50(md5(pad(`owner-${userPassword}`)));
  const owner = rc4Rounds(ownerKey, pad(userPassword));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = rehash50(md5(pad(userPassword), owner, p, id));
  const user = Buffer.concat([rc4Rounds(key, md5(PASSWORD_PADDING, id)), Buffer.alloc(16)]);
  return {
    permissions,
    owner,
    user,
    objectKey(objectNumber: number, generation: number): Buffer {
      const suffix = Buffer.from([objectNumber & 0xff, (objectNumber >> 8) & 0xff, (objectNumber >> 16) & 0xff, generation & 0xff, (generation >> 8) & 0xff]);
      return md5(key, suffix).subarray(0, 16);
    },
  };
}

/** RC4, which OpenSSL 3 no longer offers by default and the PDF Standard handler still uses. */
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

function deflateRawToZlib(data: Buffer): Buffer {
  // FlateDecode wants a zlib header and an Adler-32 trailer around the deflate data.
  const adler = adler32(data);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler);
  return Buffer.concat([Buffer.from([0x78, 0x9c]), deflateRawSync(data, { level: 9 }), trailer]);
}

function adler32(data: Buffer): number {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

// ---------------------------------------------------------------- Office files

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const BILLION_LAUGHS =
  '<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`).join('') +
  ']>';

function documentXml(body: string, doctype = ''): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${doctype}` +
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
  );
}

async function docx(body: string, doctype = ''): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file('word/document.xml', documentXml(body, doctype));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * A real bomb (honest sizes in the headers): 300 MiB of one repeated XML run,
 * deflated in 1 MiB chunks so generating it never holds more than that.
 */
async function zipBombDocx(): Promise<Buffer> {
  const head = Buffer.from(documentXml('<w:p><w:r><w:t>').replace('</w:t></w:r></w:p></w:body></w:document>', ''));
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const filler = Buffer.alloc(1024 * 1024, 'A');
  const chunks = 300;
  const deflate = createDeflateRaw({ level: zlibConstants.Z_BEST_COMPRESSION });
  const compressed: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => compressed.push(chunk));
  const done = new Promise((resolveDone) => deflate.on('end', resolveDone));
  let crc = crc32(head);
  deflate.write(head);
  for (let i = 0; i < chunks; i++) {
    crc = crc32(filler, crc);
    if (!deflate.write(filler)) await new Promise((r) => deflate.once('drain', r));
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await done;
  const size = head.length + chunks * filler.length + tail.length;
  return zipArchive([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'word/document.xml', deflated: Buffer.concat(compressed), crc, size },
  ]);
}

type ZipEntry = { name: string; data: Buffer } | { name: string; deflated: Buffer; crc: number; size: number };

/** A plain zip writer (local headers, central directory) for entries we deflated ourselves. */
function zipArchive(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const [compressed, crc, size] = 'data' in entry ? [deflateRawSync(entry.data), crc32(entry.data), entry.data.length] : [entry.deflated, entry.crc, entry.size];
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

/** ODF encryption: the manifest declares encryption-data and content.xml is ciphertext. */
async function encryptedOdt(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  zip.file(
    'META-INF/manifest.xml',
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
      '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>' +
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="4096">' +
      '<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">' +
      '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/>' +
      '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/>' +
      '</manifest:encryption-data></manifest:file-entry></manifest:manifest>',
  );
  zip.file('content.xml', pseudoRandom(4096, 'odt-cipher'), { compression: 'STORE' });
  return zip.generateAsync({ type: 'nodebuffer', mimeType: 'application/vnd.oasis.opendocument.text' });
}

/**
 * What Word writes for a password-protected DOCX: not a zip but an OLE2
 * compound file holding `EncryptionInfo` and `EncryptedPackage` streams.
 * Built as a valid compound file (header, FAT, directory, streams of 4 KiB so
 * no mini-stream is needed), with random bytes as the ciphertext.
 */
function encryptedOfficeContainer(): Buffer {
  const SECTOR = 512;
  const streamSectors = 8; // 4 KiB each
  const header = Buffer.alloc(SECTOR, 0);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // sector shift
  header.writeUInt16LE(6, 0x20); // mini sector shift
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory starts at sector 1
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 0x3c); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 0x44); // no DIFAT sectors
  header.writeUInt32LE(0, 0x4c); // DIFAT[0] = FAT in sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(0xffffffff, 0x4c + i * 4);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: the FAT itself
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: the directory, one sector
  const chain = (first: number) => {
    for (let s = first; s < first + streamSectors; s++) fat.writeUInt32LE(s === first + streamSectors - 1 ? 0xfffffffe : s + 1, s * 4);
  };
  chain(2); // EncryptionInfo: sectors 2–9
  chain(2 + streamSectors); // EncryptedPackage: sectors 10–17

  const directory = Buffer.alloc(SECTOR, 0);
  const entry = (index: number, name: string, type: number, start: number, size: number, child = 0xffffffff, right = 0xffffffff) => {
    const at = index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 0x40);
    directory[at + 0x42] = type; // 5 root, 2 stream
    directory[at + 0x43] = 1; // black
    directory.writeUInt32LE(0xffffffff, at + 0x44); // left sibling
    directory.writeUInt32LE(right, at + 0x48);
    directory.writeUInt32LE(child, at + 0x4c);
    directory.writeUInt32LE(start, at + 0x74);
    directory.writeUInt32LE(size, at + 0x78);
  };
  entry(0, 'Root Entry', 5, 0xfffffffe, 0, 1);
  entry(1, 'EncryptionInfo', 2, 2, streamSectors * SECTOR, 0xffffffff, 2);
  entry(2, 'EncryptedPackage', 2, 2 + streamSectors, streamSectors * SECTOR);
  for (let i = 3; i < 4; i++) {
    directory.writeUInt32LE(0xffffffff, i * 128 + 0x44);
    directory.writeUInt32LE(0xffffffff, i * 128 + 0x48);
    directory.writeUInt32LE(0xffffffff, i * 128 + 0x4c);
  }
  const info = Buffer.alloc(streamSectors * SECTOR);
  info.writeUInt16LE(4, 0); // version 4.4: agile encryption
  info.writeUInt16LE(4, 2);
  Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>').copy(info, 8);
  return Buffer.concat([header, fat, directory, info, pseudoRandom(streamSectors * SECTOR, 'ole-cipher')]);
}

/** Deterministic "random" bytes, so a failure can be replayed. */
function pseudoRandom(length: number, seed: string): Buffer {
  const out = Buffer.alloc(length);
  let block = createHash('sha256').update(seed).digest();
  for (let at = 0; at < length; at += block.length) {
    block.copy(out, at);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

// ---------------------------------------------------------------- command line

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: npx tsx scripts/make-broken-files.ts <folder>');
    process.exit(2);
  }
  const files = await makeBrokenFiles(resolve(folder));
  for (const file of files) console.log(`${(file.expected ?? 'audited').padEnd(20)} ${file.name}  – ${file.what}`);
}
