import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodePage } from '../../src/import/decode.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** GBK bytes made by Debian's iconv (Node has a GBK decoder but no encoder). */
const gbk = (text: string): Uint8Array => new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text }));

describe('declaredCharset', () => {
  it.each([
    ['<meta charset="utf-8">', null, 'utf-8'],
    ['<meta charset=GBK>', null, 'gbk'],
    ["<META http-equiv='Content-Type' content='text/html; charset=gb2312'>", null, 'gb2312'],
    ['<meta name="ArticleTitle" content="标题"><meta charset="utf-8">', null, 'utf-8'],
    ['<meta charset="gbk">', 'text/html; charset=UTF-8', 'utf-8'],
    ['<meta charset="utf-8">', 'text/html;charset="GB18030"', 'gb18030'],
    ['<p>charset=gbk is only text here</p>', null, null],
    ['<meta charset="utf-8">', 'text/html', 'utf-8'],
  ])('GIVEN %s with Content-Type %s THEN %s', (html, contentType, expected) => {
    expect(declaredCharset(utf8(html), contentType)).toBe(expected);
  });

  it('GIVEN a meta charset after the first 1024 bytes THEN it is not read, as in HTML', () => {
    expect(declaredCharset(utf8(`<!--${' '.repeat(1100)}--><meta charset="gbk">`), null)).toBeNull();
  });
});

describe('decodePage', () => {
  it.each([
    ['UTF-8 with a meta charset', utf8('<meta charset="utf-8"><p>林明：好。</p>'), null, '<meta charset="utf-8"><p>林明：好。</p>'],
    ['UTF-8 without any charset', utf8('<p>林明：好。</p>'), null, '<p>林明：好。</p>'],
    ['UTF-8 with a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<p>问：</p>')]), null, '<p>问：</p>'],
    ['UTF-8 served as UTF-8 whose stale meta says gbk', utf8('<meta charset="gbk"><p>答：是。</p>'), 'text/html; charset=utf-8', '<meta charset="gbk"><p>答：是。</p>'],
  ])('GIVEN %s THEN the HTML, character for character', (_, bytes, contentType, html) => {
    expect(decodePage(bytes, contentType)).toEqual({ ok: true, html });
  });

  const GBK_REFUSAL = (charset: string): string =>
    `the page is encoded in GBK (charset=${charset}); only UTF-8 pages are imported, so that no character is decoded by guesswork. Save it as UTF-8 (its <meta charset> too) and import that copy`;

  it.each([
    ['no bytes', new Uint8Array(), null, 'the page is empty (0 bytes)'],
    ['only white space', utf8(' \r\n\t '), null, 'the page is empty (only white space)'],
    ['GBK bytes whose meta says gbk', gbk('<meta charset="gbk"><p>答：是。</p>'), null, GBK_REFUSAL('gbk')],
    ['GBK bytes whose meta says gb2312', gbk('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>答：是。</p>'), null, GBK_REFUSAL('gb2312')],
    ['a page served as GBK', utf8('<p>答：是。</p>'), 'text/html; charset=GBK', GBK_REFUSAL('gbk')],
    ['a page in windows-1252', utf8('<meta charset="windows-1252"><p>A: yes.</p>'), null, 'the page is encoded in windows-1252; only UTF-8 pages are imported. Save it as UTF-8 (its <meta charset> too) and import that copy'],
    ['GBK bytes that declare no charset', gbk('<p>答：是。</p>'), null, 'the page declares no charset but its bytes are not valid UTF-8; save it as UTF-8 and import that copy'],
    ['GBK bytes that claim UTF-8', gbk('<meta charset="utf-8"><p>答：是。</p>'), null, 'the page declares UTF-8 but its bytes are not valid UTF-8; save it as UTF-8 and import that copy'],
  ])('GIVEN %s THEN it is refused with the reason', (_, bytes, contentType, reason) => {
    expect(decodePage(bytes, contentType)).toEqual({ ok: false, reason });
  });
});
