/**
 * Bytes of a saved or fetched page → its HTML as a string, or the reason it cannot be read.
 * Only UTF-8 is read: a page that declares another charset (the ministry's older pages say
 * gbk or gb2312) is refused rather than decoded, so that no character of a quote depends on
 * a guess about the page's encoding.
 */

/** The page's HTML, or why it was not read. */
export type DecodedPage = { ok: true; html: string } | { ok: false; reason: string };

/** Charsets of the GBK family (GB2312 is a subset of GBK, GBK of GB18030). */
const GBK_FAMILY = new Set(['gbk', 'gb2312', 'gb_2312', 'gb_2312-80', 'gb18030', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'chinese', 'csgb2312', 'iso-ir-58']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** HTML looks for `<meta charset>` in the first 1024 bytes; so does this. */
const PRESCAN_BYTES = 1024;

/**
 * The charset a page declares: the HTTP `Content-Type` header's first (as browsers do), else
 * `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the
 * first 1024 bytes. Lower case; null when nothing is declared.
 * `declaredCharset(bytesOf('<meta charset="GBK">'), null) → 'gbk'`
 */
export function declaredCharset(bytes: Uint8Array, contentType: string | null): string | null {
  const fromHeader = contentType === null ? null : charsetParameter(contentType);
  if (fromHeader !== null) return fromHeader;
  // Latin-1 maps each byte to one character, so ASCII markup reads the same in any charset.
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  for (const meta of head.match(/<meta\b[^>]*>/giu) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(meta);
    if (direct) return direct[1]!.toLowerCase();
  }
  return null;
}

function charsetParameter(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*["']?([\w.:-]+)/iu.exec(contentType);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * Decodes a page as UTF-8 (a byte-order mark is dropped). Refused, with the reason: no bytes or
 * only white space; a declared charset other than UTF-8 (GBK named as such); bytes that are not
 * valid UTF-8.
 * `decodePage(bytesOf('<p>问：</p>'), 'text/html; charset=utf-8') → { ok: true, html: '<p>问：</p>' }`
 */
export function decodePage(bytes: Uint8Array, contentType: string | null = null): DecodedPage {
  if (bytes.length === 0) return { ok: false, reason: 'the page is empty (0 bytes)' };
  const charset = declaredCharset(bytes, contentType);
  if (charset !== null && GBK_FAMILY.has(charset)) {
    return {
      ok: false,
      reason: `the page is encoded in GBK (charset=${charset}); only UTF-8 pages are imported, so that no character is decoded by guesswork. Save it as UTF-8 (its <meta charset> too) and import that copy`,
    };
  }
  if (charset !== null && !UTF8_LABELS.has(charset)) {
    return { ok: false, reason: `the page is encoded in ${charset}; only UTF-8 pages are imported. Save it as UTF-8 (its <meta charset> too) and import that copy` };
  }
  let html: string;
  try {
    html = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const said = charset === null ? 'declares no charset' : 'declares UTF-8';
    return { ok: false, reason: `the page ${said} but its bytes are not valid UTF-8; save it as UTF-8 and import that copy` };
  }
  if (html.trim() === '') return { ok: false, reason: 'the page is empty (only white space)' };
  return { ok: true, html };
}
