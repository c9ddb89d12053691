import { load } from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhiteSpace, extractPageText, paragraphsOf } from '../../src/import/page-text.js';

/** The paragraphs of the first `<div>` of an HTML fragment. */
const paragraphs = (html: string): string[] => {
  const $ = load(`<div id="x">${html}</div>`);
  return paragraphsOf($('#x').get(0)!);
};

describe('paragraphsOf', () => {
  it.each([
    ['one <p> per paragraph', '<p>问：甲？</p><p>答：乙。</p>', ['问：甲？', '答：乙。']],
    ['a word split across inline elements is whole', '<p><b><span>林明：我们注</span></b><span>意到</span>有关<a href="#">报道</a>。</p>', ['林明：我们注意到有关报道。']],
    ['indentation (　　, &nbsp;) is trimmed', '<p>　　<strong>路透社记者：</strong>请问？</p><p>&nbsp;&nbsp;林明：好。&nbsp;</p>', ['路透社记者：请问？', '林明：好。']],
    ['a source line break between Chinese characters shows as nothing', '<p>推动合作惠及更多当地\n   民众。</p>', ['推动合作惠及更多当地民众。']],
    ['a source line break between English words shows as one space', '<p>the outcomes of the forum\n and bring</p>', ['the outcomes of the forum and bring']],
    ['a no-break space inside a paragraph is kept', '<p>reached&nbsp;consensus</p>', ['reached\u00a0consensus']],
    ['an ideographic space inside a paragraph is kept', '<p>中方　愿意</p>', ['中方　愿意']],
    ['<br> separates paragraphs', '<p>第一段，<br>第二段。<br/><br/>第三段。</p>', ['第一段，', '第二段。', '第三段。']],
    ['text directly in the container, between blocks, is a paragraph', '开头。<p>中间。</p>结尾。', ['开头。', '中间。', '结尾。']],
    ['nested divs', '<div><div>甲。</div><div>乙。</div></div>', ['甲。', '乙。']],
    ['scripts, styles, images and hidden elements show nothing', '<style>p{color:red}</style><script>var a = "问：";</script><p><img alt="图" src="a.jpg"></p><p style="DISPLAY: none">隐藏。</p><p>可见。</p>', ['可见。']],
    ['comments show nothing', '<p>甲<!-- 注释 -->乙。</p>', ['甲乙。']],
    ['empty paragraphs are dropped', '<p></p><p> </p><p>&nbsp;</p><p>有字。</p>', ['有字。']],
    ['entities are decoded', '<p>A &amp; B &lt;C&gt; “D”</p>', ['A & B <C> “D”']],
  ])('GIVEN %s THEN the paragraphs as a reader sees them', (_, html, expected) => {
    expect(paragraphs(html)).toEqual(expected);
  });

  const word = fc.stringMatching(/^[\u4e00-\u9fa5A-Za-z0-9，。：？“”]{1,12}$/u);
  const inline = fc.constantFrom('span', 'b', 'strong', 'a', 'em', 'font');

  it('GIVEN paragraphs of text in <p>s, each cut into pieces wrapped in random inline markup THEN exactly those paragraphs come back (nothing lost, nothing invented)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(word, fc.option(inline)), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (doc) => {
        const html = doc.map((pieces) => `<p>${pieces.map(([text, tag]) => (tag === null ? text : `<${tag}>${text}</${tag}>`)).join('')}</p>`).join('\n');
        expect(paragraphs(html)).toEqual(doc.map((pieces) => pieces.map(([text]) => text).join('')));
      }),
    );
  });
});

describe('collapseWhiteSpace', () => {
  it.each([
    ['a  b', 'a b'],
    ['a\tb', 'a b'],
    ['中方\n愿意', '中方愿意'],
    ['中方\r\n  愿意', '中方愿意'],
    ['中方  愿意', '中方 愿意'],
    ['China\nstands', 'China stands'],
    ['共识。\n中方', '共识。中方'],
    ['“\n中方', '“ 中方'],
    ['𠀀\n中', '𠀀中'],
  ])('GIVEN %j THEN %j', (input, expected) => {
    expect(collapseWhiteSpace(input)).toBe(expected);
  });
});

describe('extractPageText', () => {
  it.each([
    ['the older template', '<div id="News_Body_Txt_A"><p>甲。</p></div><div class="content"><p>别处。</p></div>', '#News_Body_Txt_A'],
    ['the newer template: the TRS editor inside .news-main', '<div class="news-main"><div class="TRS_Editor"><p>甲。</p></div><div class="share">分享到：</div></div>', '.TRS_Editor'],
    ['the newer template without the editor div', '<div class="news-main"><p>甲。</p></div>', '.news-main'],
    ['the English template', '<div class="content"><P>A.</P></div>', '.content'],
    ['an empty #News_Body_Txt_A: the next candidate that holds text', '<div id="News_Body_Txt_A"> </div><div class="content"><p>甲。</p></div>', '.content'],
  ])('GIVEN %s THEN the content is read from %s', (_, body, selector) => {
    expect(extractPageText(load(`<html><body>${body}</body></html>`))?.selector).toBe(selector);
  });

  it('GIVEN a page with no content element THEN null', () => {
    expect(extractPageText(load('<html><body><ul><li><a href="x">2024年5月20日外交部发言人林明主持例行记者会</a></li></ul></body></html>'))).toBeNull();
  });
});
