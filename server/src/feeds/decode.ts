import iconv from 'iconv-lite';

/** How a body's characters were chosen; `source` helps explain mojibake reports. */
export interface DecodedBody {
  text: string;
  charset: string;
  source: 'bom' | 'http' | 'xml' | 'sniffed' | 'default';
}

/**
 * Labels that mean something else in practice: browsers decode "ISO-8859-1" and "ASCII" as
 * Windows-1252 (outlets rely on its curly quotes), and GB2312 pages use the wider GBK repertoire.
 */
const aliases: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  iso8859_1: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  gb2312: 'gbk',
  'x-gbk': 'gbk',
  utf8: 'utf-8',
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a fetched feed to text: BOM, then HTTP charset, then the XML declaration, else UTF-8. */
export function decodeBody(body: Buffer, contentType?: string): string {
  return decodeBodyDetailed(body, contentType).text;
}

export function decodeBodyDetailed(body: Buffer, contentType?: string): DecodedBody {
  const bom = bomCharset(body);
  if (bom) return finish(iconv.decode(body, bom), bom, 'bom');

  const candidates: Array<{ charset: string; source: DecodedBody['source'] }> = [];
  const fromHttp = normalizeCharset(contentType?.match(/;\s*charset\s*=\s*"?([^";\s]+)"?/i)?.[1]);
  if (fromHttp) candidates.push({ charset: fromHttp, source: 'http' });
  const utf16 = utf16WithoutBom(body);
  if (utf16) candidates.push({ charset: utf16, source: 'sniffed' });
  const fromXml = normalizeCharset(xmlDeclaredEncoding(body));
  if (fromXml) candidates.push({ charset: fromXml, source: 'xml' });

  // The first label iconv-lite knows wins; an unknown label ("x-mac-nonsense") is skipped, not fatal.
  const chosen = candidates.find((c) => iconv.encodingExists(c.charset));
  const validUtf8 = isValidUtf8(body);

  if (!chosen || chosen.charset === 'utf-8') {
    if (validUtf8) return finish(body.toString('utf8'), 'utf-8', chosen?.source ?? 'default');
    // Claimed (or assumed) UTF-8 but not UTF-8: another label may know better, else it is nearly
    // always a legacy Western feed.
    const other = candidates.find((c) => c.charset !== 'utf-8' && iconv.encodingExists(c.charset));
    const charset = other?.charset ?? 'windows-1252';
    return finish(iconv.decode(body, charset), charset, 'sniffed');
  }
  // A legacy label on bytes that form valid multi-byte UTF-8 is a stale label: chance sequences of
  // Windows-1251, Latin or GBK text almost never form valid UTF-8.
  if (validUtf8 && hasNonAscii(body) && isSingleOrDoubleByte(chosen.charset)) {
    return finish(body.toString('utf8'), 'utf-8', 'sniffed');
  }
  return finish(iconv.decode(body, chosen.charset), chosen.charset, chosen.source);
}

function finish(text: string, charset: string, source: DecodedBody['source']): DecodedBody {
  return { text: dropDeclaredEncoding(text.replace(/^\uFEFF/, '')), charset, source };
}

/** The text is now a JS string; a leftover encoding="..." would only mislead whatever reads it next. */
function dropDeclaredEncoding(text: string): string {
  return text.replace(/^(\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*(["'])[^"']*\2/, '$1');
}

function bomCharset(body: Buffer): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return undefined;
}

function utf16WithoutBom(body: Buffer): string | undefined {
  if (body[0] === 0x3c && body[1] === 0x00 && body[2] === 0x3f && body[3] === 0x00) return 'utf-16le';
  if (body[0] === 0x00 && body[1] === 0x3c && body[2] === 0x00 && body[3] === 0x3f) return 'utf-16be';
  return undefined;
}

/** Reads `<?xml ... encoding="..."?>` from the first bytes, which any ASCII-compatible charset shares. */
function xmlDeclaredEncoding(body: Buffer): string | undefined {
  const head = body.subarray(0, 512).toString('latin1');
  return head.match(/^\s*<\?xml\b[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/)?.[1];
}

function normalizeCharset(label: string | undefined): string | undefined {
  const lower = label?.trim().toLowerCase();
  if (!lower) return undefined;
  if (lower === 'utf-16') return 'utf-16le';
  return aliases[lower] ?? lower;
}

function isValidUtf8(body: Buffer): boolean {
  try {
    strictUtf8.decode(body);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(body: Buffer): boolean {
  return body.some((byte) => byte >= 0x80);
}

function isSingleOrDoubleByte(charset: string): boolean {
  return !/^utf-?(16|32)/i.test(charset);
}
