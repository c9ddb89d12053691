/**
 * Every piece of text a user sees: replies, labels, and the command names and descriptions
 * with their localisations. Chinese (zh-CN) first; the default of a command description is zh-CN.
 * Handlers never write user-facing text inline; they call these.
 */
import type { LocalizationMap } from 'discord.js';
import type { AnswerOccurrences } from './types.js';

/** A command's or option's text: the default (zh-CN) description and localisations. */
export interface CommandText {
  name: string;
  nameLocalizations: LocalizationMap;
  description: string;
  descriptionLocalizations: LocalizationMap;
}

/** Names and descriptions of every command and option (Discord shows the user's locale). */
export const commandTexts = {
  ask: {
    name: 'ask',
    nameLocalizations: { 'zh-CN': '提问', 'zh-TW': '提問', 'en-US': 'ask', 'en-GB': 'ask' },
    description: '用记者会实录中的原话回答您的外交政策问题',
    descriptionLocalizations: {
      'zh-CN': '用记者会实录中的原话回答您的外交政策问题',
      'zh-TW': '用記者會實錄中的原話回答您的外交政策問題',
      'en-US': 'Answer a foreign-policy question with the official answer, word for word',
      'en-GB': 'Answer a foreign-policy question with the official answer, word for word',
    },
  },
  askQuestion: {
    name: 'question',
    nameLocalizations: { 'zh-CN': '问题', 'zh-TW': '問題', 'en-US': 'question', 'en-GB': 'question' },
    description: '您的问题，例如：中方如何看待中美关系？',
    descriptionLocalizations: {
      'zh-CN': '您的问题，例如：中方如何看待中美关系？',
      'zh-TW': '您的問題，例如：中方如何看待中美關係？',
      'en-US': 'Your question, e.g. How does China see its relations with the US?',
      'en-GB': 'Your question, e.g. How does China see its relations with the US?',
    },
  },
  askPublic: {
    name: 'public',
    nameLocalizations: { 'zh-CN': '公开', 'zh-TW': '公開', 'en-US': 'public', 'en-GB': 'public' },
    description: '直接发到频道（默认只有您能看到）',
    descriptionLocalizations: {
      'zh-CN': '直接发到频道（默认只有您能看到）',
      'zh-TW': '直接發到頻道（預設只有您能看到）',
      'en-US': 'Post in the channel (by default only you see the answer)',
      'en-GB': 'Post in the channel (by default only you see the answer)',
    },
  },
  topic: {
    name: 'topic',
    nameLocalizations: { 'zh-CN': '话题', 'zh-TW': '話題', 'en-US': 'topic', 'en-GB': 'topic' },
    description: '按话题查看官方回答',
    descriptionLocalizations: {
      'zh-CN': '按话题查看官方回答',
      'zh-TW': '按話題查看官方回答',
      'en-US': 'Look up an official answer by topic',
      'en-GB': 'Look up an official answer by topic',
    },
  },
  topicTopic: {
    name: 'topic',
    nameLocalizations: { 'zh-CN': '话题', 'zh-TW': '話題', 'en-US': 'topic', 'en-GB': 'topic' },
    description: '输入以筛选话题',
    descriptionLocalizations: {
      'zh-CN': '输入以筛选话题',
      'zh-TW': '輸入以篩選話題',
      'en-US': 'Type to filter the topics',
      'en-GB': 'Type to filter the topics',
    },
  },
  quote: {
    name: 'quote',
    nameLocalizations: { 'zh-CN': '引用', 'zh-TW': '引用', 'en-US': 'quote', 'en-GB': 'quote' },
    description: '把一段官方原话引用到频道',
    descriptionLocalizations: {
      'zh-CN': '把一段官方原话引用到频道',
      'zh-TW': '把一段官方原話引用到頻道',
      'en-US': 'Quote one paragraph of an official answer into the channel',
      'en-GB': 'Quote one paragraph of an official answer into the channel',
    },
  },
  quoteText: {
    name: 'text',
    nameLocalizations: { 'zh-CN': '原话', 'zh-TW': '原話', 'en-US': 'text', 'en-GB': 'text' },
    description: '输入原话中的词句以查找段落',
    descriptionLocalizations: {
      'zh-CN': '输入原话中的词句以查找段落',
      'zh-TW': '輸入原話中的詞句以查找段落',
      'en-US': 'Type words from the paragraph to find it',
      'en-GB': 'Type words from the paragraph to find it',
    },
  },
  findOfficialAnswer: {
    name: '查找官方回答',
    nameLocalizations: {
      'zh-CN': '查找官方回答',
      'zh-TW': '查找官方回答',
      'en-US': 'Find official answer',
      'en-GB': 'Find official answer',
    },
    description: '',
    descriptionLocalizations: {},
  },
} as const satisfies Record<string, CommandText>;

/** The example question offered wherever the bot asks for a question, or a more specific one. */
const EXAMPLE_QUESTION = '中方如何看待中美关系？';

/** How each kind of fact a question can ask for is named when the record does not state it (see `factNotStated`). */
const FACT_NOUNS: Readonly<Record<string, string>> = {
  quantity: '具体数字',
  date: '具体日期或时间',
  age: '年龄',
  identity: '名字',
  place: '地点',
  items: '具体清单',
};

/**
 * Replies and labels of every front end: the Discord bot, the console and `npm run ask`. Functions
 * take only what the text shows. The words are plain; the bot adds Markdown (bold, block quotes)
 * where Discord shows it, so an outcome is worded here once.
 */
export const messages = {
  /** The reporter and the outlet when known: `记者问（路透社）`. */
  reporterAsked: (outlet: string | null) => `记者问${outlet === null ? '' : `（${outlet}）`}`,
  /** Head of an answer in Discord: the reporter's question, with the outlet when known. */
  reporterQuestion: (outlet: string | null, question: string) => `**${messages.reporterAsked(outlet)}**：${question}`,
  /** Text output: an answer the record gives without the reporter's question. */
  noReporterQuestion: '（记录中没有这段回答对应的提问）',
  /** Text output: who answers, with the title when known: `王毅（国务委员兼外交部长）答：`. */
  speakerAnswered: (speaker: string, title: string | null) => `${speaker}${title === null ? '' : `（${title}）`}答：`,
  /** Text output: the heading of an answer. */
  topicHeading: (topic: string) => `【${topic}】`,
  /** The mark before the paragraph that answers the question. */
  bestMark: '▶ ',
  /** Who said it, where and when (see describeSpeech), under an answer or a quote. */
  attribution: (speech: string) => `—— ${speech}`,
  /** Footer part shown when an answer has several pages. */
  pageOf: (page: number, pages: number) => `第 ${page}/${pages} 页`,
  /** Source part of the footer (the transcript's file name). */
  sourceLabel: (source: string) => `来源：${source}`,
  /** Text output: how well the answer matches the question (0..1). */
  confidence: (confidence: number) => `匹配度：${confidence.toFixed(2)}`,
  /** Text output: other topics near an answer. */
  relatedTopics: (topics: readonly string[]) => `相关话题：${topics.join('、')}`,
  previousPage: '◀ 上一页',
  nextPage: '下一页 ▶',
  publish: '发到频道',
  quoteParagraphPlaceholder: '引用其中一段到频道…',
  paragraphOption: (paragraph: number) => `第 ${paragraph} 段`,
  /** A `/topic` choice: the topic and, when the record has it, the reporter's question. */
  topicChoice: (topic: string, question: string | null) => (question === null ? topic : `${topic}：${question}`),
  /** A `/topic` choice for a question recorded without an answer (the mark first, so truncation keeps it). */
  unansweredTopicChoice: (label: string) => `〔实录中无回答〕${label}`,
  /** A `/quote` choice: topic, then the paragraph's start. */
  paragraphChoice: (topic: string, text: string) => `【${topic}】${text}`,
  /** `unanswered`: the transcript records the question but no answer. */
  unanswered: (outlet: string | null, question: string) =>
    `记者会实录中记录了这个问题，但没有记录回答：\n> ${question}${outlet === null ? '' : `\n（提问：${outlet}）`}`,

  // Abstentions: why no quote is given (first line), then what can be offered instead.
  /** `no_match`: nothing in the transcripts answers it. */
  noMatch: '没有找到对这个问题的官方回答。口径只引用记者会实录中的原话，不作推测。',
  /** After `noMatch` when no topic is near. */
  noMatchHint: '可以换个说法，或者问一个更具体的外交话题。',
  /** After `noMatch` or `tooVague`: the topics nearest the question. */
  closestTopics: (topics: readonly string[]) => `相近的话题：${topics.join('、')}`,
  /** `too_vague`: a lone common word (美国, 疫情) that many answers speak of. */
  tooVague: `这个问题太宽泛了，实录中很多回答都谈到它。请问得具体一些，例如：${EXAMPLE_QUESTION}`,
  /** `empty_question`: only framing or question words (请问, 怎么样), nothing to look up. */
  noTopicWords: `没有从问题中读出要查找的话题。请问得具体一些，例如：${EXAMPLE_QUESTION}`,
  /** `other_party_view`: another party's view asked; the record holds China's statements only. A Latin name gets a space either side. */
  otherPartyView: (party: string) =>
    `实录中只有中方的表态，没有${party === '' ? '对方' : /[A-Za-z]/u.test(party) ? ` ${party} ` : party}的看法。`,
  /** After `otherPartyView`: the Chinese side's statements on the nearest topics. */
  chinaSideOn: (topics: readonly string[]) => `可以提供中方在相近话题上的表态：${topics.join('、')}`,
  /** `fact_not_stated`: a number, date, age, name, place or list asked that the record does not give. */
  factNotStated: (fact: string | undefined) => `实录中没有给出这个${(fact === undefined ? undefined : FACT_NOUNS[fact]) ?? '具体信息'}。`,
  /** `action_not_stated`: whether someone will do something, where the record does not speak of that action. */
  actionNotStated: (action: string) => `实录中没有谈到${action === '' ? '这一做法' : `“${action}”`}。`,
  /** `detail_not_stated`: what a question asks of an event (签了什么文件), where the record does not speak of it. */
  detailNotStated: (asked: readonly string[]) => `实录中没有谈到${asked.length === 0 ? '所问的内容' : asked.map((word) => `“${word}”`).join('、')}。`,
  /** After `factNotStated`: the statement on the subject. */
  statementOn: (topics: readonly string[]) => `实录中有这个话题的官方表态：${topics.join('、')}`,
  /** Discord: after a list of topics, where to read them. */
  topicCommandHint: '（可用 /topic 查看）',

  emptyQuestion: `请写下您的问题，例如：${EXAMPLE_QUESTION}`,
  noWords: '我只能读懂文字问题，请用中文（或英文）写下您的问题。',
  tooLong: (length: number, max: number) => `问题太长了（${length} 字），请控制在 ${max} 字以内。`,
  rateLimited: (seconds: number) => `您的请求有点频繁，请 ${seconds} 秒后再试。`,
  internalError: '抱歉，处理这个请求时出了问题，请稍后再试。',
  /** Context menu: the answer was posted as a reply to the message. */
  repliedInChannel: '已在频道中回复这条消息。',
  /** Context menu: the target message has no text (only attachments, embeds or a mention). */
  targetHasNoText: '这条消息没有文字，无法查找官方回答。',
  topicNotFound: '没有找到这个话题，请从自动补全列表中选择。',
  quoteNotFound: '没有找到包含这段文字的原话，请换个说法，或从自动补全列表中选择。',
  /** A button or menu from an answer the current index no longer holds. */
  answerGone: '这条回答已不在当前的索引中，请重新提问。',
  consoleBanner: '口径 控制台模式：输入问题后按回车，Ctrl+D 退出。',
  consolePrompt: '问> ',
} as const;

// ── Feedback and /stats ────────────────────────────────────────────────────────────────────
// 👍/👎 on answers and the server's usage statistics (src/feedback, commands/stats.ts).

/** `/stats`: its name and description (only members with Manage Server are shown it). */
export const feedbackCommandTexts = {
  stats: {
    name: 'stats',
    nameLocalizations: { 'zh-CN': '统计', 'zh-TW': '統計', 'en-US': 'stats', 'en-GB': 'stats' },
    description: '本服务器的使用统计：回答次数、未能回答的问题、👎 最多的回答',
    descriptionLocalizations: {
      'zh-CN': '本服务器的使用统计：回答次数、未能回答的问题、👎 最多的回答',
      'zh-TW': '本伺服器的使用統計：回答次數、未能回答的問題、👎 最多的回答',
      'en-US': 'Usage in this server: answers, questions it could not answer, most 👎 answers',
      'en-GB': 'Usage in this server: answers, questions it could not answer, most 👎 answers',
    },
  },
} as const satisfies Record<string, CommandText>;

/** Replies and labels of feedback and `/stats`. */
export const feedbackMessages = {
  voteEmoji: { up: '👍', down: '👎' },
  /** Only the voter sees it. */
  voteRecorded: (vote: 'up' | 'down') =>
    vote === 'up'
      ? '谢谢！已记下 👍：这条回答有帮助。改变主意可以再按 👎。'
      : '谢谢！已记下 👎：这条回答没有帮助，服务器管理员会在 /stats 中看到。改变主意可以再按 👍。',
  /** A vote on an answer while feedback is off (FEEDBACK=false, or the database cannot be written). */
  voteNotKept: '反馈功能目前未开启，这次投票没有记下。',
  statsOff: '反馈功能目前未开启，没有统计可以显示。',
  statsGuildOnly: '统计只在服务器中可用。',
  statsTitle: '口径 · 本服务器的使用统计',
  statsPeriodName: (days: number) => `最近 ${days} 天`,
  statsPeriod: (answered: number, noMatch: number, unanswered: number) =>
    `回答 ${answered} 次\n未能回答 ${noMatch + unanswered} 次\n（实录中没有 ${noMatch}，有提问无回答 ${unanswered}）`,
  statsTopUnansweredName: (days: number) => `最常问而未能回答的问题（最近 ${days} 天）`,
  /** One asked question: rank, the question as typed, how often, the topics the bot named as closest. */
  statsAskedItem: (rank: number, question: string, count: number, closestTopics: readonly string[]) =>
    `${rank}. ${question} ×${count}${closestTopics.length === 0 ? '' : `（相近话题：${closestTopics.join('、')}）`}`,
  statsMostDownvotedName: (days: number) => `👎 最多的回答（最近 ${days} 天）`,
  statsVotedItem: (rank: number, answer: string, down: number, up: number) => `${rank}. ${answer} — 👎 ${down} · 👍 ${up}`,
  statsNone: '暂无',
  statsFooter: (retentionDays: number) => `记录保留 ${retentionDays} 天，不保存用户 ID · 导出：npm run stats -- --csv --guild <服务器 ID>`,
} as const;

// ── The archive ────────────────────────────────────────────────────────────────────────────
// Lines said many times, /timeline, dates in questions, /reload (src/archive, commands/timeline.ts, commands/reload.ts).

/** Replies and labels of the archive. */
export const archiveMessages = {
  /**
   * Under an answer whose text (or marked paragraph) was said more than once: how often, from
   * when to when, and which time is quoted.
   */
  occurrences: (occurrences: AnswerOccurrences) => {
    const what = occurrences.scope === 'answer' ? '这一回答' : '标记的这段话';
    const span = occurrences.first === null || occurrences.last === null ? '' : `（${occurrences.first} 至 ${occurrences.last}）`;
    const quoted =
      occurrences.chosen === 'latest'
        ? '此处引用最近一次'
        : `此处引用 ${occurrences.quoted ?? '日期不详'} 的一次（更贴合问题），最近一次在 ${occurrences.last ?? '日期不详'}`;
    return `${what}在记录中说过 ${occurrences.count} 次${span}，${quoted}。`;
  },
  /** Before the official English of the marked paragraph (an English question, a unit whose English edition was aligned). */
  officialEnglish: '官方英文 Official English',
  /** The title of a line's timeline. */
  timelineTitle: (topic: string) => `口径的变化：${topic}`,
  /** The head of one wording in a timeline: when it was first said in it, and how often (and until when) it was said so. */
  timelineStep: (date: string | null, times: number, until: string | null) =>
    `**${date ?? '日期不详'}**${times > 1 ? `（此后同样措辞又说过 ${times - 1} 次，至 ${until ?? '日期不详'}）` : ''}`,
  /** The first wording of a timeline, before any change. */
  timelineFirst: '首次',
  /** The footer of a timeline: how often, from when to when, how many changes; what the marks mean. */
  timelineFooter: (count: number, first: string | null, last: string | null, changes: number) =>
    `说过 ${count} 次${first === null || last === null ? '' : `（${first} 至 ${last}）`}，措辞变化 ${changes} 次 · 粗体为新增，删除线为删去`,
  /** A /timeline choice: topic, how often and when, the latest wording's start. */
  timelineChoice: (topic: string, count: number, first: string | null, last: string | null, text: string) =>
    `${topic}｜${count} 次${first === null || last === null ? '' : `，${first.slice(0, 4)}–${last.slice(0, 4)}`}｜${text}`,
  /** Before an answer from outside the period the question named: none of the period answers it, this is from then. */
  outsidePeriod: (from: number, to: number, date: string | null) =>
    `在${from === to ? `${from}年` : `${from}年至${to === 9999 ? '今' : `${to}年`}`}的记录中没有找到这方面的表态；以下是${date ?? '日期不详'}的表态。`,
  /** `no_match` when a period was asked: nothing of those years answers it. */
  noMatchInPeriod: (from: number, to: number) =>
    `在${from === to ? `${from}年` : `${from}年至${to === 9999 ? '今' : `${to}年`}`}的记录中没有找到对这个问题的官方回答。口径只引用记者会实录中的原话，不作推测。`,
  /** /ask: the 时间 option says no year or range of years. */
  badPeriod: (text: string) => `没能读懂时间“${text}”。请写一个年份或年份范围，例如：2019、2019-2021、去年。`,
  /** /reload done: how many answers the new index holds (and the old one held), in how long. */
  reloadDone: (units: number, previousUnits: number, lines: number, ms: number) =>
    `已重新载入索引：${units} 个回答（之前 ${previousUnits} 个），${lines} 条多次出现的表述，用时 ${ms} 毫秒。`,
  /** /reload failed: the new index could not be loaded; the old one still answers. */
  reloadFailed: (reason: string) => `重新载入失败，仍在使用原来的索引：${reason}`,
  /** /reload by someone who is not the bot's owner. */
  reloadNotOwner: '只有机器人的所有者可以重新载入索引。',
  /** /reload where the bot cannot reload (no reloader in this context). */
  reloadUnavailable: '这个机器人实例不能重新载入索引。',
  /** /timeline: what was typed is no line said more than once. */
  timelineNotFound: '没有找到多次出现的这一表述，请从自动补全列表中选择。',
} as const;

/** Names and descriptions of the archive's commands. */
export const archiveCommandTexts = {
  reload: {
    name: 'reload',
    nameLocalizations: { 'zh-CN': '重新载入', 'zh-TW': '重新載入', 'en-US': 'reload', 'en-GB': 'reload' },
    description: '载入重新生成的索引（仅限机器人的所有者）',
    descriptionLocalizations: {
      'zh-CN': '载入重新生成的索引（仅限机器人的所有者）',
      'zh-TW': '載入重新產生的索引（僅限機器人的擁有者）',
      'en-US': 'Load the rebuilt index (the bot’s owner only)',
      'en-GB': 'Load the rebuilt index (the bot’s owner only)',
    },
  },
  askTime: {
    name: 'time',
    nameLocalizations: { 'zh-CN': '时间', 'zh-TW': '時間', 'en-US': 'time', 'en-GB': 'time' },
    description: '只查找这些年份的表态，例如：2019、2019-2021、去年',
    descriptionLocalizations: {
      'zh-CN': '只查找这些年份的表态，例如：2019、2019-2021、去年',
      'zh-TW': '只查找這些年份的表態，例如：2019、2019-2021、去年',
      'en-US': 'Only statements of these years, e.g. 2019, 2019-2021',
      'en-GB': 'Only statements of these years, e.g. 2019, 2019-2021',
    },
  },
  timeline: {
    name: 'timeline',
    nameLocalizations: { 'zh-CN': '口径变化', 'zh-TW': '口徑變化', 'en-US': 'timeline', 'en-GB': 'timeline' },
    description: '查看同一表述在历次记者会中的措辞变化',
    descriptionLocalizations: {
      'zh-CN': '查看同一表述在历次记者会中的措辞变化',
      'zh-TW': '查看同一表述在歷次記者會中的措辭變化',
      'en-US': 'How the wording of an official line changed over the years',
      'en-GB': 'How the wording of an official line changed over the years',
    },
  },
  timelineTopic: {
    name: 'topic',
    nameLocalizations: { 'zh-CN': '话题', 'zh-TW': '話題', 'en-US': 'topic', 'en-GB': 'topic' },
    description: '输入以筛选多次出现的表述',
    descriptionLocalizations: {
      'zh-CN': '输入以筛选多次出现的表述',
      'zh-TW': '輸入以篩選多次出現的表述',
      'en-US': 'Type to filter the lines said more than once',
      'en-GB': 'Type to filter the lines said more than once',
    },
  },
} as const satisfies Record<string, CommandText>;
