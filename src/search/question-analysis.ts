import { foldScript, normalizeForMatching, type Analyzer } from '../text/index.js';
import { createRomanizedNameIndex, type RomanizedNameIndex } from '../text/romanized-names.js';

/**
 * Question analysis: what a user's question asks, before any ranking. Pure functions of the
 * text (and the analyzer's dictionary), table-tested; `answerQuestion` decides from this and
 * from the ranking.
 *
 * - language runs: Chinese and Latin runs are read each in its own language;
 * - framing: conversational wrapping (求个出处, 有没有官方说法, 我记得, 听说, 究竟, 麻烦发一下) is
 *   recognised and left out of the topic words;
 * - intent: a position (what the official line is), a fact of a kind (quantity, date/time, age,
 *   identity, place), another party's view, or a request for the quote itself;
 * - actors: who the question names, and whether each is the Chinese side.
 */

/** What kind of fact a question asks for. */
/** What kind of fact a question asks for; `items`: which ones, named (具体有哪些产品). */
export type FactKind = 'quantity' | 'date' | 'age' | 'identity' | 'place' | 'items';

/** What the question asks. */
export type Intent =
  /** The official position on something (the default): 中方如何看待…, 中美关系会怎样. */
  | { kind: 'position' }
  /**
   * A fact of one kind: 贷款有多大 (quantity), 哪天见面 (date), 普京多大了 (age). `measure` is
   * the unit a count asks for (多少亿吨 → 吨, 多少个国家 → 个), `head` the role a name is asked
   * for (营长叫什么名字 → 营长), `slot` the words around the cue that the fact fills (由谁主导 →
   * 由, 主导); any may be absent.
   */
  | { kind: 'fact'; fact: FactKind; cue: string; measure?: string; head?: string; slot?: { before: string; after: string } }
  /** Another party's view or reaction: 美国对此怎么看, how did the Russian minister respond. */
  | { kind: 'other-view'; party: string; cue: string }
  /** The quote itself: 原话是什么, 求出处. Answered like a position. */
  | { kind: 'quote'; cue: string };

/** A run of the question in one script. */
export interface LanguageRun {
  text: string;
  language: 'zh' | 'en';
}

/** Someone the question names. */
export interface Actor {
  text: string;
  /** The Chinese side (中方, 中国, 外交部, the transcripts' speakers) or another party. */
  side: 'china' | 'other';
}

/**
 * A yes-or-no question about an action: the cue (会不会, 是否, 有没有), the action as asked, its
 * verb when it has one of two characters or more, and who would take it (see QuestionAnalysis).
 */
export interface Whether {
  cue: string;
  action: string;
  verb?: string;
  agent?: string;
}

export interface QuestionAnalysis {
  /** The question's runs, in order (punctuation and spaces dropped between them). */
  runs: LanguageRun[];
  /** Framing phrases found and left out of the topic words. */
  framing: string[];
  /** The question without its framing, script folded but case kept (WHO): what the topic words are read from. */
  core: string;
  /** The whole question folded for matching (simplified, half-width, lower case). */
  folded: string;
  intent: Intent;
  actors: Actor[];
  /**
   * A yes-or-no question about an action (中国会不会暂停出口口罩, 打算建科考站吗): the action as
   * asked, the words after the cue in its clause, and who would take it when a party stands right
   * before the cue (中国, 马克龙今年). The record answers it only where it speaks of that action.
   */
  whether?: Whether;
  /**
   * What a wh-question asks of its topic, when it asks about an event rather than a view
   * (最后签了什么文件: 文件; 跟哪些政要见了面: 政要; 结论是什么: 结论): nouns right around the question word.
   * The record answers it only where it speaks of them.
   */
  asked?: string[];
  /** True when Latin letters dominate: read as English. */
  english: boolean;
}

/**
 * Conversational framing, longest first: the words say how something is asked, not what. Matched
 * on folded text (simplified, lower case).
 */
const FRAMING = [
  '有没有大佬知道', '有大佬知道', '有没有人知道', '有人知道', '谁知道', '大佬们', '大佬',
  '求个出处', '求出处', '出处在哪', '出处', '求个链接', '求链接', '求原文', '求原话', '求个', '求问', '求教',
  '有没有官方说法', '有没有官方回应', '有没有官方表态', '官方说法', '官方口径', '官方回答', '官方的回答', '官方是怎么说的', '官方怎么说',
  '麻烦发一下', '麻烦发下', '麻烦贴一下', '麻烦给', '麻烦问', '发一下', '贴一下', '谢谢', '多谢',
  '我记得', '还记得', '记得有', '我听说', '听说', '据说', '好像', '印象中', '我想问一下', '我想问', '想问一下', '想问', '问一下', '请问', '想知道', '我想知道',
  '究竟', '到底', '咋回事', '怎么回事', '是啥情况', '啥情况', '什么情况', '咋样', '怎么样', '如何', '能不能说说', '说说', '讲讲', '聊聊',
  '有这回事吗', '有这回事', '是真的吗', '真的吗', '有没有', '是不是', '对吧', '是吧', '对吗', '是吗', '来着', '呢', '吗', '啊', '呀', '吧', '哈',
  // the quote itself, and pointing at it: 有原话吗, 那段, 这块
  '有原话吗', '原话', '原文', '那段话', '那段', '那句话', '那句', '这段话', '这块', '这方面',
  // who said it and where: the record is the ministry's and its press conferences'
  '中国外交部', '外交部发言人', '外交部', '发言人', '新闻发布会', '记者招待会', '例行记者会', '记者会', '发布会',
  '国务院新闻办公室', '国务院新闻办', '国新办', '两会',
  // when, relative to something the question already names
  '那年', '那一年', '当时', '那时候', '那时', '那场', '那次', '那回', '这场',
  // days relative to now: when, not what (the record's statements carry their own dates)
  '今天', '明天', '昨天', '后天', '前天', '今日', '明日', '昨日', '本周', '下周', '上周', '这周', '这几天',
];

/** English framing, as word sequences. */
const ENGLISH_FRAMING = [
  'can someone tell me', 'does anyone know', 'anyone know', 'can you tell me', 'tell me', 'please', 'i heard', 'i remember', 'is there an official', 'official line on', 'official line', 'official position on', 'what is the official',
  // who said it and where: the record is the ministry's and its press conferences'
  'press conference', 'news conference', 'regular briefing', 'press briefing', 'briefing', 'presser', 'according to',
  'state council information office', 'scio', 'npc', 'two sessions', 'chinese foreign ministry', 'foreign ministry', 'mfa', 'spokesperson', 'spokesman', 'spokeswoman',
];

/** The English framing as patterns, made once (stripFraming runs on every question). */
const ENGLISH_FRAMING_PATTERNS: readonly (readonly [string, RegExp])[] = ENGLISH_FRAMING.map((phrase) => [phrase, new RegExp(`\\b${phrase}\\b`, 'giu')]);

const QUOTE_CUES = ['原话', '原文', '出处', '怎么说的', '说过什么', '说了什么', '引用', 'quote', 'exact words', 'source'];

/**
 * Kinds of things that have names of their own (countries, companies, agreements): 哪些协议 asks
 * for those names, where 哪些帮助, 哪些原则 ask for the position that describes them.
 */
const NAMED_KINDS = '国家|城市|地区|省份|岛国|企业|公司|产品|商品|协议|协定|文件|合同|项目|机构|组织|官员|领导人|成员国|成员|品牌|疫苗|武器|港口|媒体|大学|学校';

/** Classifiers and units a count may be asked in after 几 (几天, 几轮, 几艘): 几 before any of them asks a number. */
const COUNT_CLASSIFIERS = '人次|架次|个月|小时|天|周|人|轮|艘|架|条|座|所|只|种|倍|场|届|份|辆|吨|件|笔|部|套|枚|期|剂|台|张|篇|针';

/** Words that ask for a total (一共多少, 一共宣布援助多少钱): part of a count's cue wherever they stand. */
const TOTAL = '一共|总共|总计|合计|共计';
const TOTAL_WORD = new RegExp(TOTAL, 'u');

/**
 * Cues of a fact question, by kind, on folded text, for Chinese and for English questions; the
 * first kind that matches wins (age before quantity: 多大了).
 */
const FACT_CUES: Record<'zh' | 'en', readonly [FactKind, RegExp][]> = {
  zh: [
    ['age', /几岁|多大年纪|多大岁数|年龄|多少岁|多大了/u],
    ['date', /什么时候|何时|哪天|哪一天|哪(?:[一两二三四五几])?年|几月|几号|几日|哪个月|日期|多久|多长时间/u],
    // 一共/总共 (有) before the cue asks for the total: part of the cue, no topic word.
    ['quantity', new RegExp(`(?:(?:${TOTAL})(?:有|是)?)?(?:多少|(?<!哪)几个|几位|几次|几名|几项|几家|几国|几支|几批|几亿|几万|几千|几百|(?<![哪第])几(?=(?:${COUNT_CLASSIFIERS}))|多大规模|规模多大|规模有多大|有多大|多大|金额|数额|数量|总额|人数|多高|多长|占比|比例|百分之几)`, 'u')],
    ['identity', /是谁|哪位|哪个人|叫什么名字|叫什么|名字是|谁(?!知道)/u],
    // Which ones, by name: 具体…哪些 / 哪几 / 哪款 / 哪种 (a bare 哪些帮助 asks for the position, not a list).
    ['items', new RegExp(`具体[^，,。?？]{0,12}?(?:哪些|哪几|哪款|哪种|哪类|什么)|(?:哪款|哪种|哪几[个项家种款]|哪[两二三四五六七八九十]+[个项家种款条点]|哪[所座艘架条只](?=[\\u4e00-\\u9fff]{2}))|(?:哪些|哪几个|哪个|哪家|哪国)(?=的?[\\u4e00-\\u9fff]{0,4}?(?:${NAMED_KINDS}))`, 'u')],
    // Where something takes place; not a figurative 症结在哪里 nor 在哪些领域.
    ['place', /(?:在哪里|在哪儿|在哪)(?:举行|举办|召开|开会|见面|会晤|会面|签署|签)|地点|哪个城市|哪座城市/u],
  ],
  // On the question with its case: the organisation WHO asks no "who".
  en: [
    ['age', /how old|what age/iu],
    // `when` asks a date where it opens a clause (When will…, …, and when is it to open); after a
    // clause's verb it only dates the event asked about (How did China react when…).
    ['date', /(?:^|[,;:?!.]\s*|\b(?:and|or|but|so)\s+)when\b|what (?:date|day|year|time)/iu],
    ['quantity', /how (?:many|much|long|far|fast|big|large)|what (?:amount|number|percentage|share)/iu],
    ['identity', /\b(?:[Ww]ho|WHOM|[Ww]hom|[Ww]hose)\b(?<!\bWHO)|what is (?:his|her|the) name/u],
    ['place', /\bwhere\b(?=.*\b(?:held|hold|meet|sign))/iu],
  ],
};

/**
 * Asking for a view or a response: a question word with a verb or noun of viewing or responding
 * (怎么看, 如何回应, 有何反应, 什么态度). The party before it is whose view is asked. A bare noun
 * (南海仲裁案中方立场) asks nothing of the kind.
 */
const VIEW_VERBS =
  /(?:怎么|如何|怎样|咋)(?:看待|看|评价|评论|回应|回复|回答|答复|回击|反驳|驳斥|应对|反应|表态|表述|表示|说|写|措辞|认为|解释|解读|想|描述|描绘|形容|定性|界定|称呼|介绍|批评|指责)|(?:作何|有何|有什么|有啥|持什么|是什么|什么|啥|哪些)(?:反应|态度|立场|看法|观点|评价|评论|回应|表态|表示|说法|声明|意见|期待|期望)|(?:反应|态度|立场|看法|观点|评价|回应|表态|说法)(?:是什么|是啥|如何|怎样|怎么样)|(?:说|声称|宣称|表示|发表|提出|提)(?:了|过)?些?(?:什么|哪些|啥)(?:声明|看法|要求|主张|条件)?|(?:有没有|有无)(?:回应|表态|评论|反应|表示)|(?:哪些|什么)(?:话|狠话|言论)|(?:理由|原因|动机|用意)(?:是什么|是啥|何在)|为什么|为何|为啥/gu;

/** Tags of a word after which a party is an object or modified: a verb, an aspect particle, 的. */
const OBJECT_OR_MODIFIER = /^(?:v|vd|vi|vn|vg|ul|ug|uz|uj|uv)$/u;

/** What may stand between a party and its view verb: adverbs of time, manner and degree, 对此. */
const RIGHT_BEFORE_VERB = /^\s*(?:对此|对这|就此|自己|本人|是|也|又|还|到底|究竟|都|会|将|当时|那时|最后|最终|具体|一直|今天|目前|现在|又是|则)*\s*$/u;

/** Someone's own words between the party and the view verb (萨摩亚总理的原话是怎么评价…): the party is whose view it is. */
const OWN_WORDS = /^(?:当时)?的(?:原话|原文|讲话|发言|说法|表态|声明|回应)/u;

/** Time words and adverbs between a party and the cue (马克龙今年会不会, 中国到底会不会). */
const BEFORE_CUE = /^(?:t|d|tg|m|q|c)$/u;

/** The whether-question read: its cue, its action, its verb, and the party right before the cue, if one stands there. */
function whetherAsked(analyzer: Analyzer, before: string, cue: string, action: string, chinaSide: ReadonlySet<string>): Whether {
  const words = analyzer.tag(before.split(/[，,。！？!?；;：:\s]/u).at(-1) ?? '');
  while (words.length > 0 && BEFORE_CUE.test(words.at(-1)!.tag)) words.pop();
  const prefix = words.map(({ word }) => word).join('');
  const agent = actorsOf(analyzer, prefix, chinaSide).at(-1);
  // The action's own verb (派驻 in 向钱凯港派驻海军), not a modal or the object before it.
  const verb = analyzer.tag(action).find(({ word, tag }) => ACTION_VERB_TAG.test(tag) && word.length >= 2 && !MODAL.test(word))?.word;
  const whether = { cue, action: action.trim(), ...(verb ? { verb } : {}) };
  return agent && agent.end === prefix.length ? { ...whether, agent: agent.text } : whether;
}

/** Asking whether someone will do something: the cue, then the action up to the end of its clause. */
const WHETHER = /(会不会|会否|是否|要不要|能不能|能否|愿不愿意|愿不愿|肯不肯|打不打算|打算|准备|有意)([^，,。？?！!；;]*)/u;

/**
 * Asking whether something was done: 有没有 (有无) before a verb phrase (中方有没有派救援队, 有没有对…
 * 加征关税). Before a noun it asks for a statement (有没有官方说法, 有没有意图…) and is framing. After a
 * verb of saying (有没有说中方会邀请…) the action is what was said.
 */
const DONE_CUE = /(有没有|有无)([^，,。？?！!；;]*)/gu;
/** Tags that start an action: a verb, or a preposition heading a verb phrase (对…加征, 给…补偿). */
const ACTION_START_TAG = /^(?:v|vd|vi|p)$/u;
/** Tags of a verb that names an action. */
const ACTION_VERB_TAG = /^v[dign]?$/u;
/** Adverbs and quantities before the action's verb (有没有再次派, 有没有一起研发, 有没有暂停出口): part of the action. */
const BEFORE_ACTION_TAG = /^(?:d|m)$/u;
/** Verbs of saying: the action is what follows them. */
const SAYING = /^(?:说|说过|讲|讲过|提|提过|提到|提及|谈|谈到|谈及|表态|宣称)$/u;
/** Modal verbs, and verbs of keeping on (继续, 坚持, 承诺) that take the action as their object: they name no action. */
const MODAL = /^(?:会|要|能|能够|可以|应该|应当|将|将要|打算|准备|愿意|想|是|有|继续|坚持|承诺|保证|一直|仍|仍然|还)$/u;

/** The whether-question of a Chinese question without framing, if it asks one (see WHETHER and DONE_CUE). */
function whetherOf(analyzer: Analyzer, topical: string, folded: string, chinaSide: ReadonlySet<string>, viewAsked = false): Whether | undefined {
  const will = WHETHER.exec(topical);
  if (will) return will[2] && will[2].trim().length > 0 ? whetherAsked(analyzer, topical.slice(0, will.index), will[1]!, will[2], chinaSide) : undefined;
  // 有没有 that begins a framing phrase (有没有官方说法, 有没有人知道) asks nothing of the record.
  const done = [...folded.matchAll(DONE_CUE)].find((match) => !FRAMING.some((phrase) => phrase.length > match[1]!.length && folded.startsWith(phrase, match.index)));
  if (!done) return viewAsked ? undefined : yesNoAsked(analyzer, folded, chinaSide);
  let words = analyzer.tag(stripFraming(done[2]!, analyzer.words).core);
  const start = words.findIndex(({ tag }) => !BEFORE_ACTION_TAG.test(tag));
  if (start >= 0 && SAYING.test(words[start]!.word)) words = words.slice(start + 1);
  else if (start < 0 || !ACTION_START_TAG.test(words[start]!.tag) || MODAL.test(words[start]!.word)) return undefined;
  const action = words.map(({ word }) => word).join('');
  if (action.trim().length === 0) return undefined;
  return whetherAsked(analyzer, stripFraming(folded.slice(0, done.index), analyzer.words).core, done[1]!, action, chinaSide);
}

/**
 * A yes-or-no question whose cue needs no modal: 是不是 before the action, a verb asked both ways
 * (签没签), or 吗/没有/没 closing the question (中国已经答应出钱了吗, 美国加入了没有).
 */
const YES_NO_CUE = /是不是|([\u4e00-\u9fff])没\1|(?:了)?(?:吗|没有|没)(?=[？?！!。.~～\s]*$)/u;
/** Tags that start the action of a yes-or-no question: a verb, a preposition, or a word jieba does not know (投了/x). */
const YES_NO_START_TAG = /^(?:v|vd|vi|vn|p|x)$/u;
/** Where a question's clauses part. */
const CLAUSE_BREAK = /[，,。？?！!；;：:~～\s]/u;

/**
 * The whether-question of a yes-or-no question cued by YES_NO_CUE, read from the clause of the
 * cue with framing left out. Before the action (是不是, 签没签) the cue parts who from what; at
 * the end (…了吗) the clause's first verb that is not a modal starts the action, and the verb
 * right before the cue is the one asked (那伙人抓到了没有: 抓到). A clause with no such verb
 * (中俄关系好了吗) asks no action.
 */
function yesNoAsked(analyzer: Analyzer, folded: string, chinaSide: ReadonlySet<string>): Whether | undefined {
  const cue = YES_NO_CUE.exec(folded);
  if (!cue) return undefined;
  let from = cue.index;
  while (from > 0 && !CLAUSE_BREAK.test(folded[from - 1]!)) from--;
  let to = cue.index + cue[0].length;
  while (to < folded.length && !CLAUSE_BREAK.test(folded[to]!)) to++;
  const core = (text: string) => analyzer.tag(stripFraming(text, analyzer.words).core.replace(/\s+/gu, ''));
  const before = folded.slice(from, cue.index);
  const after = `${cue[1] ?? ''}${folded.slice(cue.index + cue[0].length, to)}`;
  const ending = !cue[0].startsWith('是') && !cue[1];
  const words = ending ? core(before) : core(after);
  // jieba tags a verb after a modal as a noun at times (会制裁/n): what follows a modal is the action.
  let verb = words.findIndex(({ word, tag }, i) => !MODAL.test(word) && (YES_NO_START_TAG.test(tag) || (i > 0 && MODAL.test(words[i - 1]!.word))));
  if (verb < 0) return undefined;
  // After a verb of saying, the action is what was said (外交部说之前谈的成果还算数吗).
  if (SAYING.test(words[verb]!.word)) verb = words.findIndex(({ word, tag }, i) => i > verb && ACTION_START_TAG.test(tag) && !MODAL.test(word));
  if (verb < 0) return undefined;
  const action = words.slice(verb).map(({ word }) => word).join('');
  const agentText = ending ? words.slice(0, verb).filter(({ word }) => !MODAL.test(word)).map(({ word }) => word).join('') : before;
  const asked = whetherAsked(analyzer, agentText, cue[0], action, chinaSide);
  if (!ending) return asked;
  const last = words.slice(verb).filter(({ word, tag }) => ACTION_VERB_TAG.test(tag) && !MODAL.test(word)).at(-1)?.word;
  return last ? { ...asked, verb: last } : asked;
}

/** Words that put what follows them in the object or topic position (对美国的做法, 针对…), not the subject. */
const OBJECT_MARKERS = /(?:对于|对|针对|关于|就|向|给|同|与|和|跟|把|被|让|令)$/u;

/** The Chinese side: 中方, 中国, 我国, 外交部, 北京, 中国政府 (and the index's speakers, passed in). */
const CHINA_SIDE = /^(?:中(?![东亚南])[\u4e00-\u9fff]|中方|中国|我国|我方|中国政府|中华人民共和国|外交部|中国外交部|北京|中国外长|中国领导人|中共|中国大陆|大陆|发言人|外交部发言人|官方)$/u;

/** The Chinese side written in Latin letters (China怎么看, PRC外长怎么评价, MFA怎么回应). */
const CHINA_ACRONYMS = /^(?:china|chinese|prc|cpc|pla|mfa|fm|beijing)$/u;

/** Which side a party named by one word is on: the Chinese side (CHINA_SIDE, the index's speakers) or another. */
function sideOf(word: string, chinaSide: ReadonlySet<string>): Actor['side'] {
  return CHINA_SIDE.test(word) || chinaSide.has(word) ? 'china' : 'other';
}

/**
 * Organisations that jieba tags as common nouns (世卫组织/n, 红十字会): a word ending in one of
 * these is a party of its own.
 */
const ORGANISATION = /(?:组织|盟|委员会|理事会|机构|议会|国会|当局|秘书处|秘书长|红十字会|协会|基金会)$/u;

/** Pronouns that point back to a party the question named before (他们自己怎么说): not the Chinese side. */
const OTHER_PRONOUNS = /^(?:他们|她们|对方|他们自己|对方自己)$/u;

/** A noun after a name that makes it the topic rather than a party (南海问题上, 台湾局势). */
const TOPIC_NOUNS = /^(?:问题|局势|事务|争端|议题|地区|岛礁|海域|形势)/u;

/** Titles that make an actor of the country before them (俄罗斯外长, 美国总统). */
const TITLES = /^(?:总统|总理|首相|外长|外交部长|国务卿|防长|国防部长|发言人|大使|政府|官员|议员|国会|议会|领导人|当局|方面|媒体|代表|元首|主席|总干事|秘书长|总裁|行长|主任)$/u;

const LATIN_RUN = /[A-Za-z][A-Za-z0-9.'’-]*(?:\s+[A-Za-z0-9][A-Za-z0-9.'’-]*)*/gu;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff0-9０-９]*/gu;
const LATIN_LETTER = /[a-z]/giu;
const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/gu;

/**
 * True when the text is English: Latin letters and at most a stray Chinese word (two
 * characters). A Chinese sentence with English terms in it is read run by run instead.
 */
export function isEnglish(text: string): boolean {
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  return latin >= 2 && cjk <= 2 && latin > cjk;
}

/**
 * The runs of a text in each script, in order: `G20峰会上中方的supply chain倡议` →
 * `[{G20, en}, {峰会上中方的, zh}, {supply chain, en}, {倡议, zh}]`.
 */
export function languageRuns(text: string): LanguageRun[] {
  const runs: { text: string; language: 'zh' | 'en'; at: number }[] = [];
  for (const match of text.matchAll(LATIN_RUN)) runs.push({ text: match[0], language: 'en', at: match.index });
  for (const match of text.matchAll(CJK_RUN)) runs.push({ text: match[0], language: 'zh', at: match.index });
  return runs.sort((a, b) => a.at - b.at).map(({ text: run, language }) => ({ text: run, language }));
}

/**
 * Removes framing phrases from script-folded text (see foldScript), longest first, English in
 * any case; returns what was found and the rest.
 * `stripFraming('求个出处，王毅说过世界回不到过去吗')` → framing `['求个出处', '吗']`, core `，王毅说过世界回不到过去`.
 */
export function stripFraming(text: string, cut?: (text: string) => readonly string[]): { framing: string[]; core: string } {
  const framing: string[] = [];
  // A mention (@koujing, @bot) addresses the bot; it asks nothing.
  const mentions = text.match(/@[^\s@，,。？?！!]+/gu) ?? [];
  framing.push(...mentions);
  let core = mentions.reduce((rest, mention) => rest.split(mention).join(' '), text);
  for (const phrase of FRAMING) {
    if (!core.includes(phrase)) continue;
    // Only whole words are framing: 外交部 in 外交部长 is part of a title the question is about.
    const bounds = cut ? wordBoundaries(core, cut) : undefined;
    let rest = '';
    let at = 0;
    for (let i = core.indexOf(phrase); i >= 0; i = core.indexOf(phrase, Math.max(i + 1, at))) {
      if (i < at || (bounds && (!bounds.has(i) || !bounds.has(i + phrase.length)))) continue;
      rest += `${core.slice(at, i)} `;
      at = i + phrase.length;
    }
    if (at === 0) continue;
    framing.push(phrase);
    core = rest + core.slice(at);
  }
  for (const [phrase, pattern] of ENGLISH_FRAMING_PATTERNS) {
    pattern.lastIndex = 0; // shared global patterns: test() from the start every time
    if (!pattern.test(core)) continue;
    framing.push(phrase);
    core = core.replace(pattern, ' ');
  }
  return { framing, core: core.replace(/\s+/gu, ' ').trim() };
}

/** The minister's title: the record's own speaker when no other country owns it. */
const SPEAKER_ROLE = /^(?:外长|外交部长)$/u;
/** What follows the title when it says who spoke: a verb of saying or answering, a question word, the occasion. */
const SPEAKER_ROLE_NEXT = /^(?:说|说过|讲|讲过|谈|谈到|谈及|提|提过|提到|提及|表示|表态|回应|回答|回|答|怎么|咋|如何|怎样|当时|那次|那年|记者会|发布会|本人|自己|给过|用|对)/u;

/**
 * The minister named by title alone (2017年外长说…, 中国外长怎么回的) is the record's speaker, as
 * 外交部 or 发言人 is: framing, not a topic word. Another country's (埃及外长, 巴西外长) is a party.
 */
function withoutSpeakerRole(analyzer: Analyzer, stripped: { framing: string[]; core: string }, chinaSide: ReadonlySet<string>): { framing: string[]; core: string } {
  const words = analyzer.tag(stripped.core);
  const dropped = words.filter(({ word }, i) => {
    if (!SPEAKER_ROLE.test(word)) return false;
    const before = words[i - 1];
    const after = words[i + 1]?.word ?? '';
    // Who said it (外长说, 外长怎么回, 外长记者会), not what (外长新年首访, 外长会).
    if (after !== '' && !SPEAKER_ROLE_NEXT.test(after)) return false;
    return !before || !/^(?:ns|nr|nrt|nt|j)$/u.test(before.tag) || sideOf(before.word, chinaSide) === 'china';
  });
  if (dropped.length === 0) return stripped;
  const keep = new Set(dropped);
  const core = words.map((word) => (keep.has(word) ? ' ' : word.word)).join('').replace(/\s+/gu, ' ').trim();
  return { framing: [...stripped.framing, ...new Set(dropped.map(({ word }) => word))], core };
}

/** Where the words of a text start and end (character offsets), by the given cutter; none when it does not cover the text. */
function wordBoundaries(text: string, cut: (text: string) => readonly string[]): Set<number> | undefined {
  const words = cut(text);
  if (words.join('') !== text) return undefined;
  const bounds = new Set<number>([0]);
  let at = 0;
  for (const word of words) bounds.add((at += word.length));
  return bounds;
}

/** The fact a question asks for, if any: `中国给非洲的贷款有多大` → quantity (cue 有多大). */
export function factAsked(
  folded: string,
  english = false,
): { fact: FactKind; cue: string; measure?: string; head?: string; slot?: { before: string; after: string } } | null {
  for (const [fact, cue] of FACT_CUES[english ? 'en' : 'zh']) {
    const match = cue.exec(folded);
    if (!match) continue;
    const after = folded.slice(match.index + match[0].length);
    const before = folded.slice(0, match.index);
    // 多少亿吨 → 吨; a sum (贸易额是多少, 债务总额) is money however it is counted.
    const measure =
      fact === 'quantity'
        ? (MEASURE_AFTER_CUE.exec(`${match[0].slice(-1)}${after}`)?.[1] ?? (/额$/u.test(match[0]) || /额(?:是|有|为|达到|到底是|究竟是|一共是|大概是)?$/u.test(before) ? '钱' : undefined))
        : undefined;
    // 由谁主导: the fact fills the slot between 由 and 主导; 营长叫什么名字: it names the 营长.
    const slotAfter = fact === 'identity' && !english ? /^([\u4e00-\u9fff]{2})/u.exec(after)?.[1] : undefined;
    const slotBefore = /([\u4e00-\u9fff])$/u.exec(before)?.[1];
    const slot = slotAfter && slotBefore ? { before: slotBefore, after: slotAfter } : undefined;
    const named = fact === 'items' ? new RegExp(`^的?[\\u4e00-\\u9fff]{0,4}?(${NAMED_KINDS})`, 'u').exec(after)?.[1] : undefined;
    const head =
      fact === 'identity' && !slot
        ? HEAD_BEFORE_CUE.exec(before.split('的').at(-1) ?? '')?.[1]
        : fact === 'items'
          ? (named ?? (match[0] === '哪国' ? '国家' : HEAD_AFTER_CUE.exec(after)?.[1]))
          : undefined;
    return { fact, cue: match[0], ...(measure ? { measure } : {}), ...(head ? { head } : {}), ...(slot ? { slot } : {}) };
  }
  return null;
}

/**
 * A measure read after a count's cue that is only the first character of a word (多少项目: 项目,
 * not 项) counts nothing: the count asks for that word's number in any unit, and the word stays
 * a topic word.
 */
function measureAsWord(analyzer: Analyzer, text: string, fact: ReturnType<typeof factAsked>): ReturnType<typeof factAsked> {
  if (!fact?.measure) return fact;
  const at = text.indexOf(fact.cue);
  if (at < 0) return fact;
  const after = text.slice(at + fact.cue.length);
  // The measure with its magnitude (多少亿吨: 亿吨) as it stands after the cue.
  const span = /^[亿万千百]*/u.exec(after)![0].length + fact.measure.length;
  if (!after.slice(0, span).endsWith(fact.measure)) return fact;
  const first = analyzer.cut(after)[0] ?? '';
  if (first.length <= span) return fact;
  const { measure: _word, ...rest } = fact;
  return rest;
}

/** The unit a count asks for, right after its cue: 多少亿吨 → 吨, 多少万亿美元 → 美元, 几支 → 支. */
const MEASURE_AFTER_CUE =
  /^[少几]?(?:[亿万千百]+)?(美元|欧元|人民币|元|钱|立方米|平方米|平方公里|公里|公斤|千克|吨|桶|标准箱|千瓦|兆瓦|公顷|人次|架次|个月|小时|年|天|周|人|名|位|个|支|批|架|艘|剂|项|次|家|所|条|件|笔|种|倍|只|张|台|辆|座|份|箱|套|针|篇|部|场|届|轮|枚|期)/u;
/** The things a list is asked of, right after its cue: 哪些中国产品 → 中国产品 (two to four Han characters). */
const HEAD_AFTER_CUE = /^(?:的)?([\u4e00-\u9fff]{2,4})/u;
/** The role a name is asked for, right before its cue: 营长叫什么名字 → 营长 (the last two to four Han characters, after the last 的). */
const HEAD_BEFORE_CUE = /([\u4e00-\u9fff]{2,4})(?:到底|究竟)?$/u;

/**
 * The actors a Chinese clause names, in order, with the position where each starts: place and
 * person names and organisations (jieba's ns, nr, nt tags), `X方` (美方, 俄方), and a country
 * with its title as one actor (俄罗斯外长). `chinaSide` names the transcripts' own speakers.
 */
export function actorsOf(analyzer: Analyzer, clause: string, chinaSide: ReadonlySet<string>): (Actor & { at: number; end: number })[] {
  const actors: (Actor & { at: number; end: number })[] = [];
  let at = 0;
  const tagged = analyzer.tag(clause);
  tagged.forEach(({ word, tag }, i) => {
    const start = at;
    at += word.length;
    // A word jieba does not know (x) before a title is a name (莫迪/x 政府).
    const unknownNameBeforeTitle = tag === 'x' && /^[\u4e00-\u9fff]{2,}$/u.test(word) && TITLES.test(tagged[i + 1]?.word ?? '');
    const isActor =
      /^(?:ns|nr|nrt|nrfg|nt|j)$/u.test(tag) ||
      /^[\u4e00-\u9fff]方$/u.test(word) ||
      ORGANISATION.test(word) ||
      OTHER_PRONOUNS.test(word) ||
      unknownNameBeforeTitle ||
      // A group of countries (拉美国家/l, 欧洲国家, 发展中国家) is a party.
      /^[\u4e00-\u9fff]{2,}国家$/u.test(word) ||
      CHINA_SIDE.test(word) ||
      chinaSide.has(word);
    if (!isActor) {
      // A title right after a country widens that country into one actor (俄罗斯外长).
      const previous = actors.at(-1);
      if (previous && previous.end === start && TITLES.test(word)) previous.end = at;
      return;
    }
    const previous = actors.at(-1);
    // Adjacent name pieces are one actor (布/nr 林肯/nr; 俄罗斯/ns 外长拉夫罗夫/nr), on the side of
    // its first piece: 印度外交部 is India's ministry, not China's.
    if (previous && previous.end === start && tagged[i - 1] !== undefined) {
      previous.end = at;
      previous.text = clause.slice(previous.at, at);
      return;
    }
    actors.push({ text: word, side: sideOf(word, chinaSide), at: start, end: at });
  });
  for (const actor of actors) actor.text = clause.slice(actor.at, actor.end);
  return actors;
}

/**
 * The clauses of a folded question, in order, each with whether a space (not punctuation) ended
 * the one before it: Discord questions leave out commas, so a space after a word (Chinese, or
 * English inside Chinese) ends a clause too.
 */
function questionClauses(folded: string): { text: string; afterSpace: boolean }[] {
  const pieces = folded.split(/([，,。！？!?；;：:]|(?<=[\u4e00-\u9fffa-z0-9])\s+(?=[\u4e00-\u9fff0-9]))/u);
  const clauses: { text: string; afterSpace: boolean }[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const text = pieces[i] ?? '';
    if (text.trim().length > 0) clauses.push({ text, afterSpace: /^\s+$/u.test(pieces[i - 1] ?? '') });
  }
  return clauses;
}

/**
 * Whose view a Chinese question asks, from its last clause with a view verb: the first actor of
 * that clause that is not an object (after 对, 针对, 关于 …) nor a modifier (before 的). None
 * named: the Chinese side is implied (people ask the bot for the official line).
 * `美国对此怎么看` → other (美国); `中方对美国的做法怎么看` → china; `美国指责中国，中方怎么回应` → china.
 */
export function viewAsked(
  analyzer: Analyzer,
  folded: string,
  chinaSide: ReadonlySet<string>,
): { side: 'china' | 'other'; party: string; cue: string } | null {
  const clauses = questionClauses(folded);
  for (let c = clauses.length - 1; c >= 0; c--) {
    const clause = clauses[c]!.text;
    const verbs = [...clause.matchAll(VIEW_VERBS)];
    const verb = verbs.at(-1);
    if (!verb) continue;
    const before = clause.slice(0, verb.index);
    // Not an object (对美国), a modifier (美国的做法) nor a topic (南海问题上).
    // …的反应是什么, …的官方表态是什么: the party whose reaction it is, before 的, is the one asked about.
    const owned = /^(?:反应|态度|立场|看法|观点|评价|回应|表态|说法|理由|原因|动机|用意)/u.test(verb[0]) && /的(?:官方|正式|最新)?$/u.test(before);
    const subjects = actorsOf(analyzer, before, chinaSide).filter(
      (actor) =>
        !OBJECT_MARKERS.test(before.slice(0, actor.at)) &&
        (!before.slice(actor.end).startsWith('的') || (owned && /^的(?:官方|正式|最新)?$/u.test(before.slice(actor.end))) || OWN_WORDS.test(before.slice(actor.end))) &&
        !TOPIC_NOUNS.test(before.slice(actor.end)),
    );
    // The party right before the verb is its subject (明斯克协议达成后中方怎么看: 中方); else the
    // clause's first (王毅在会见欧盟领导人时怎么评价: 王毅).
    // A party after a verb or 的 is an object or a modifier there (说了中国哪些狠话, 国务院的官方表态).
    const adjacent = subjects.at(-1);
    const ownsVerb = adjacent && RIGHT_BEFORE_VERB.test(before.slice(adjacent.end)) && !OBJECT_OR_MODIFIER.test(analyzer.tag(before.slice(0, adjacent.at)).at(-1)?.tag ?? '');
    const subject = ownsVerb ? adjacent : subjects[0];
    if (subject) return { side: subject.side, party: subject.text, cue: verb[0] };
    // A name jieba does not know (博雷利/x, 莫迪/x) right before the verb (or its adverb: 对此) is who is asked about.
    const words = analyzer.tag(before.trim());
    // …skipping adverbs and what may stand between the party and its verb: 自己, 本人, 是, 当时的原话.
    while (words.length > 1 && (/^(?:d|t|uj)$/u.test(words.at(-1)!.tag) || /^(?:自己|本人|是|原话|具体)$/u.test(words.at(-1)!.word))) words.pop();
    // …or its title (IAEA总干事): the name before the title.
    const titled = words.length > 1 && TITLES.test(words.at(-1)!.word) ? words.at(-2) : undefined;
    const last = words.at(-1);
    if (last && last.tag === 'x' && /^[\u4e00-\u9fff]{2,}$/u.test(last.word)) {
      return { side: sideOf(last.word, chinaSide), party: last.word, cue: verb[0] };
    }
    // A Latin acronym (IAEA, G7, NATO) before a title or the verb names an organisation or a group of states.
    const acronym = titled ?? last;
    if (acronym && acronym.tag === 'eng' && /^[a-z][a-z0-9]{1,9}$/u.test(acronym.word)) {
      return { side: CHINA_ACRONYMS.test(acronym.word) ? 'china' : 'other', party: acronym.word, cue: verb[0] };
    }
    // 欧盟 对此怎么看: the party typed before a space is the subject of what follows it.
    const previous = clauses[c - 1];
    const named = previous && clauses[c]!.afterSpace ? actorsOf(analyzer, previous.text, chinaSide).at(-1) : undefined;
    if (named && named.end === previous!.text.length) return { side: named.side, party: named.text, cue: verb[0] };
    return { side: 'china', party: '', cue: verb[0] };
  }
  return null;
}

/**
 * What another party itself claimed, concluded, decided or wrote (朴槿惠声称部署萨德是为了什么,
 * 国际原子能机构的报告最后认定排海安全吗, 公报里原文是怎么写的): its words, not China's, when that
 * party is the subject of its clause and the question asks about what it said.
 */
const PARTY_SPEECH = /声称|宣称|认定|下结论|裁定|表述|解释|理由|原文|原话|公报|具体说/u;
/** The question asks something of the clause: a question word, or a yes-or-no ending. */
const ASKS = /什么|怎么|怎样|如何|为何|为什么|为啥|哪|多少|是否|吗|呢|啥/u;

/** Another party whose own statement a question asks for (see PARTY_SPEECH), or null. */
function partySaysAsked(analyzer: Analyzer, folded: string, chinaSide: ReadonlySet<string>): { side: 'other'; party: string; cue: string } | null {
  for (const { text: clause } of questionClauses(folded)) {
    const speech = PARTY_SPEECH.exec(clause);
    if (!speech || !ASKS.test(clause.slice(speech.index))) continue;
    const before = clause.slice(0, speech.index);
    const subject = actorsOf(analyzer, before, chinaSide).find((actor) => !OBJECT_MARKERS.test(before.slice(0, actor.at)) && !TOPIC_NOUNS.test(before.slice(actor.end)));
    if (subject) return subject.side === 'other' ? { side: 'other', party: subject.text, cue: speech[0] } : null;
  }
  return null;
}

const speakerNames = new WeakMap<ReadonlySet<string>, RomanizedNameIndex>();

/** True when two or three words of the party are the romanised name of one of the index's speakers (hua chunying → 华春莹). */
function namesSpeaker(party: string, chinaSide: ReadonlySet<string>): boolean {
  if (chinaSide.size === 0) return false;
  let names = speakerNames.get(chinaSide);
  if (!names) speakerNames.set(chinaSide, (names = createRomanizedNameIndex(chinaSide)));
  const words = party.split(/\s+/u);
  for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= words.length; i++) if (names.lookup(words.slice(i, i + n).join(' ')).length > 0) return true;
  return false;
}

/** English: whose view `how did/does X respond|react|view|think|say`, `what does X think`, `X's view`. */
export function englishViewAsked(text: string, chinaSide: ReadonlySet<string> = new Set()): { side: 'china' | 'other'; party: string; cue: string } | null {
  const lower = text.toLowerCase();
  const patterns = [
    /\b(?:how|what)\s+(?:did|does|do|has|have|will|would)\s+(.+?)\s+(respond|react|reply|view|see|think|say|feel|answer|comment|describe|characteri[sz]e|assess|evaluate|explain|sum up|justify|call|accuse|critici[sz]e|claim|demand|conclude|decide|announce|state|argue|write|promise|pledge|insist|warn|want|intend|plan)\b/u,
    /\b(?:what is|what's|what are|what was|what were)\s+(.+?)(?:'s|’s)\s+(view|position|stance|reaction|response|opinion|take)\b/u,
    /\b(?:what is|what's|what was|what were)\s+the\s+(view|position|stance|reaction|response|opinion|take)\s+of\s+(.+?)(?:\s+on\b|\s+about\b|\s+to\b|\?|$)/u,
    /\bwhat\s+(?:position|stance|view|line)\s+did\s+(.+?)\s+(take|adopt|hold|have)\b/u,
    /^(?:did|does|has|have|will|would)\s+(.+?)\s+(welcome|critici[sz]e|condemn|oppose|reject|endorse|praise|object to|protest|support|back|accept|agree|approve|recogni[sz]e|deny|confirm|admit|announce|decide)\b/u,
    /\bwhat\s+(?:reasons?|justification|explanation|grounds)\s+(?:did|does|do|has|have)\s+(.+?)\s+(give|offer|cite|provide)\b/u,
    // Why another party acted: its reasons, which its own words give (why did the EU impose…); the
    // party is among the words after the auxiliary (the subject and perhaps its verb: no tagger here).
    /\b(why)\s+(?:did|does|do|has|have|is|are|was|were|would|will)\s+(\S+(?:\s+\S+){0,3})/u,
  ];
  for (const [i, pattern] of patterns.entries()) {
    const match = pattern.exec(lower);
    if (!match) continue;
    const swapped = i === 2 || match[1] === 'why';
    const party = (swapped ? match[2] : match[1])?.trim() ?? '';
    const cue = (swapped ? match[1] : match[2]) ?? '';
    // A pronoun (why is it so interested…) names no other party: the question's subject, China by default.
    const china = /\b(?:china|chinese|beijing|wang yi|the spokesperson|spokesperson|the ministry|mfa|the foreign ministry|prc)\b/u.test(party) || /^(?:it|they|we|you|he|she|this|that)\b/u.test(party) || party === '' || namesSpeaker(party, chinaSide);
    return { side: china ? 'china' : 'other', party, cue };
  }
  return null;
}

/**
 * Analyses a question. `chinaSide`: names that speak for China in this index (its speakers).
 *
 * @example analyzeQuestion(analyzer, '美国对此怎么看', new Set()).intent // → { kind: 'other-view', party: '美国', cue: '怎么看' }
 */
export function analyzeQuestion(analyzer: Analyzer, text: string, chinaSide: ReadonlySet<string> = new Set()): QuestionAnalysis {
  const folded = normalizeForMatching(text);
  const english = isEnglish(folded);
  const stripped = stripFraming(foldScript(text), analyzer.words);
  const { framing, core } = withoutSpeakerRole(analyzer, stripped, chinaSide);
  const quote = QUOTE_CUES.find((cue) => folded.includes(cue));
  const view = english ? englishViewAsked(folded, chinaSide) : (viewAsked(analyzer, folded, chinaSide) ?? partySaysAsked(analyzer, folded, chinaSide));
  const fact = measureAsWord(analyzer, core.toLowerCase(), factAsked(english ? core : core.toLowerCase(), english));
  // The words that ask for a kind of answer (怎么回应, 多少支) are not what the question is about.
  // A total asked apart from its cue (中国政府一共宣布援助多少钱) is part of the count asked, no topic word.
  const total = fact?.fact === 'quantity' ? TOTAL_WORD.exec(core)?.[0] : undefined;
  const cues = [view?.cue, fact?.cue, fact?.measure ? `${fact.cue}${fact.measure}` : undefined, total]
    .filter((cue): cue is string => cue !== undefined && cue.length > 0)
    .sort((a, b) => b.length - a.length);
  let intent: Intent = { kind: 'position' };
  if (view && view.side === 'other') intent = { kind: 'other-view', party: view.party, cue: view.cue };
  else if (fact) intent = { kind: 'fact', ...fact };
  else if (quote) intent = { kind: 'quote', cue: quote };
  const actors = english
    ? []
    : actorsOf(analyzer, core, chinaSide).map(({ text: actor, side }) => ({ text: actor, side }));
  const topical = english
    ? cues.reduce((rest, cue) => rest.replace(new RegExp(`\\b${cue.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\b`, 'giu'), ' '), core)
    : cues.reduce((rest, cue) => rest.split(cue).join(' '), core);
  // A yes-or-no claim put to China for its view (…是不是在抢生意？中方怎么看) asks for the view.
  const whether = english ? undefined : whetherOf(analyzer, topical, folded, chinaSide, view?.side === 'china');
  const asked = english || whether || intent.kind !== 'position' ? undefined : focusAsked(analyzer, topical);
  return {
    runs: languageRuns(text),
    framing,
    core: topical,
    folded,
    intent,
    actors,
    ...(whether ? { whether } : {}),
    ...(asked ? { asked } : {}),
    english,
  };
}

/** Question words that ask how (利息怎么算): they ask of the word before them. */
const WH_HOW = /^(?:怎么|怎样|咋)$/u;
/** Particles and measures between an event's verb and the question word (签了什么, 见过哪些). */
const ASPECT = /^(?:了|过|些|一些)$/u;
/** Tags of a verb of an event before the question word (签/x: jieba does not know 签了). */
const EVENT_VERB_TAG = /^(?:v|vd|vi|x)$/u;
/** Names of parties and numbers after the question word (哪些英国政要: 英国): they name no thing asked. */
const PARTY_OR_NUMBER_TAG = /^(?:ns|nr|nrt|nrfg|nt|m|mq)$/u;
/** Question words that ask for a thing or a way (什么文件, 哪些政要, 怎么处理). */
const WH_WORD = /^(?:什么|哪些|哪个|哪几个|哪几|哪|啥|怎么|怎样|咋)$/u;
/** What stands between the question word and its verb or noun: particles, the copula, adverbs. */
const WH_FILLER = /^(?:了|过|的|地|些|一些|是|有|都|还|又|也|要|会|能|该|将|到底|究竟|样|么)$/u;
/**
 * Nouns that name nothing asked: what a thing means or is (啥意思, 什么内容), and a view or a
 * response (啥态度, 什么反应): the answer is one without naming it.
 */
const WH_GENERIC =
  /^(?:人|东西|事|事情|情况|内容|意思|含义|内涵|样子|回事|时候|方面|问题|态度|立场|看法|观点|反应|反映|说法|评价|评论|回应|表态|意见|声明|主张|要求|打算|考虑|想法|判断|措辞|表述|理由|原因|用意|目的|意义|作用|影响|期待|期望)$/u;
/** Modal verbs of what is to be done or may be (应该遵循哪些原则, 会有什么结果): the answer is a position. */
const TO_BE_DONE = /^(?:会|要|能|能够|可以|应该|应当|需要|必须|将|将要|打算|准备|愿意|想)$/u;
/** Tags of a word that can be what is asked: a noun (a verb is too often paraphrased by the answer: 派去, 派出). */
const FOCUS_TAG = /^(?:n|nz|vn)$/u;

/**
 * The words a wh-question asks about (see QuestionAnalysis.asked), from its last clause with a
 * question word: the noun before 是什么 or 怎么 (结论是什么, 利息怎么算), and, after a verb of an
 * event (签了什么, 跟哪些, 经过哪些), up to three nouns after it that name no party. None when the
 * question word stands alone, or only beside a modal or a verb of saying (说了什么: what was said
 * is the answer itself).
 */
function focusAsked(analyzer: Analyzer, topical: string): string[] | undefined {
  const clauses = topical.split(CLAUSE_BREAK).filter((clause) => clause.length > 0);
  for (let c = clauses.length - 1; c >= 0; c--) {
    // jieba keeps an aspect particle on a verb it does not know (签了/x): the verb is the word.
    const words = analyzer.tag(clauses[c]!).map(({ word, tag }) => ({ word: tag === 'x' ? word.replace(/(?<=.)[了过]$/u, '') : word, tag }));
    const at = words.findIndex(({ word }) => WH_WORD.test(word));
    if (at < 0) continue;
    const content = ({ word, tag }: { word: string; tag: string }) =>
      FOCUS_TAG.test(tag) && !MODAL.test(word) && !SAYING.test(word) && !WH_GENERIC.test(word) && !WH_FILLER.test(word);
    const focus: string[] = [];
    // Before the question word, what it asks of (结论是什么, 利息怎么算); after 有 or a verb it is the topic (一带一路有什么进展).
    const how = WH_HOW.test(words[at]!.word);
    let before = at - 1;
    let asksOfWordBefore = how;
    for (; before >= 0 && WH_FILLER.test(words[before]!.word); before--) if (words[before]!.word === '是') asksOfWordBefore = true;
    if (asksOfWordBefore && before >= 0 && content(words[before]!)) focus.push(words[before]!.word);
    // After 怎么 comes the verb asked and its object, not a thing asked for.
    if (how) return focus.length > 0 ? focus : undefined;
    // After the question word, the thing asked for when an event is asked of (签了什么文件, 跟哪些政要见面, 经过哪些海域),
    // not what is to be done or had (应该遵循哪些原则, 有什么成果: the answer is the position).
    let verb = at - 1;
    while (verb >= 0 && ASPECT.test(words[verb]!.word)) verb--;
    const event =
      verb >= 0 &&
      (words[verb]!.tag === 'p' || (EVENT_VERB_TAG.test(words[verb]!.tag) && !MODAL.test(words[verb]!.word))) &&
      !words.slice(Math.max(0, verb - 2), verb).some(({ word }) => TO_BE_DONE.test(word));
    if (!event) return focus.length > 0 ? focus : undefined;
    for (let after = at + 1; after < words.length && focus.length < 3; after++) {
      const word = words[after]!;
      if (WH_FILLER.test(word.word) && focus.length === 0) continue;
      if (PARTY_OR_NUMBER_TAG.test(word.tag)) continue;
      if (!content(word)) break;
      focus.push(word.word);
    }
    return focus.length > 0 ? focus : undefined;
  }
  return undefined;
}
