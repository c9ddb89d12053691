import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One answer of a written briefing: who asked, the question, the answer's paragraphs. */
export interface Exchange {
  outlet: string;
  question: string;
  paragraphs: string[];
}

/** A briefing to write as `<name>.txt` and `<name>.meta.json`, in the form the ministry's transcripts take. */
export interface Briefing {
  name: string;
  date: string;
  speaker?: string;
  exchanges: Exchange[];
}

/** The transcript text: heading, then `<outlet>记者：question` and `<speaker>：answer` paragraphs. */
export function briefingText(briefing: Briefing): string {
  const speaker = briefing.speaker ?? '林明';
  const [year, month, day] = briefing.date.split('-').map(Number);
  const lines = [`${year}年${month}月${day}日外交部发言人${speaker}主持例行记者会`];
  for (const exchange of briefing.exchanges) {
    lines.push(`${exchange.outlet}记者：${exchange.question}`);
    exchange.paragraphs.forEach((paragraph, i) => lines.push(i === 0 ? `${speaker}：${paragraph}` : paragraph));
  }
  return `${lines.join('\n\n')}\n`;
}

/** Writes the briefings into a new temporary folder (or `dir`); returns the folder. */
export function writeBriefings(briefings: readonly Briefing[], dir = mkdtempSync(join(tmpdir(), 'koujing-archive-'))): string {
  for (const briefing of briefings) {
    writeFileSync(join(dir, `${briefing.name}.txt`), briefingText(briefing));
    const meta = { date: briefing.date, event: '外交部例行记者会', speaker: briefing.speaker ?? '林明', title: '外交部发言人' };
    writeFileSync(join(dir, `${briefing.name}.meta.json`), `${JSON.stringify(meta, null, 2)}\n`);
  }
  return dir;
}

// Fictional lines in the register of a spokesperson's answer, written for these tests.

/** The line said five times: three times in its first wording, then twice with a clause added. */
export const REEF_LINE = '中方在南沙有关岛礁上的建设完全是中国主权范围内的事，不针对任何国家。我们敦促有关国家停止在南海问题上挑动对立，切实尊重地区国家维护和平稳定的努力。';
export const REEF_LINE_CHANGED = '中方在南沙有关岛礁上的建设完全是中国主权范围内的事，不针对任何国家，也不影响各国依法享有的航行自由。我们敦促有关国家停止在南海问题上挑动对立，切实尊重地区国家维护和平稳定的努力。';

/** Answers said once each: same register, other positions. */
export const OTHER_ANSWERS = [
  '气候变化是全人类面临的共同挑战。中方将继续落实国家自主贡献目标，同各方一道推动全球气候治理朝着公平合理、合作共赢的方向发展。',
  '中方一贯主张通过对话协商解决分歧。我们敦促有关国家停止单边制裁，回到多边贸易体制的轨道上来，维护全球产业链供应链稳定。',
  '中非合作论坛成立以来，双方在基础设施、农业和公共卫生等领域的合作不断深化，给双方人民带来了实实在在的好处。',
  '关于你提到的人员往来问题，中方将根据疫情形势，本着科学、安全、有序的原则，同有关国家一道逐步恢复航班。',
  '上海合作组织成员国元首理事会会议将于下月举行。中方愿同各成员国一道，弘扬“上海精神”，推动本组织各领域合作取得新成果。',
  '我们注意到有关报道。中国政府始终要求中国企业在海外经营时遵守当地法律法规，履行社会责任，同当地民众和睦相处。',
  '澜沧江—湄公河合作是流域六国共商共建共享的新型次区域合作机制。中方愿同湄公河国家加强水资源合作，共同应对洪旱灾害。',
  '二十国集团是国际经济合作的主要论坛。中方支持主席国办好今年的峰会，推动各方在粮食安全、能源转型和债务问题上凝聚共识。',
  '中方对地震造成的重大人员伤亡表示深切哀悼，向遇难者家属和伤者表示诚挚慰问。中方愿提供力所能及的紧急人道主义援助。',
  '北极事务关乎各国共同利益。中方作为北极事务的重要利益攸关方，愿同各方一道，在尊重北极国家主权的基础上开展科研合作。',
];

export const REEF_QUESTIONS = [
  '有报道称，中方近期在南沙群岛继续开展岛礁建设。中方对此有何回应？',
  '美方官员昨天批评中方在南海的建设活动。中方如何回应？',
  '有国家表示将派军舰前往南海有关岛礁附近巡航。中方有何评论？',
  '菲律宾外交部今天就南沙岛礁建设发表声明。中方对此有何回应？',
  '有智库发布卫星图片，称中方正在扩建南沙岛礁设施。中方如何看待？',
];

export const REEF_DATES = ['2016-05-10', '2017-07-12', '2019-03-04', '2021-08-16', '2023-02-20'];
const REEF_OUTLETS = ['路透社', '法新社', '彭博社', '共同社', '凤凰卫视'];
export const REEF_FOLLOW_UP = '中方愿同东盟国家一道，全面有效落实《南海各方行为宣言》，积极推进“南海行为准则”磋商。';

/**
 * Five briefings, 2016 to 2023; each says the reef line once as the answer to its second
 * question (the last two in its changed wording, the last one followed by another paragraph),
 * beside two answers said once.
 */
export function reefBriefings(): Briefing[] {
  return REEF_DATES.map((date, i) => ({
    name: `${date}-regular`,
    date,
    exchanges: [
      { outlet: '总台央视', question: `请问发言人能否介绍第${i + 1}个议题的进展？`, paragraphs: [OTHER_ANSWERS[2 * i]!] },
      {
        outlet: REEF_OUTLETS[i]!,
        question: REEF_QUESTIONS[i]!,
        paragraphs: i < 3 ? [REEF_LINE] : i === 3 ? [REEF_LINE_CHANGED] : [REEF_LINE_CHANGED, REEF_FOLLOW_UP],
      },
      { outlet: '新华社', question: `第${i + 1}个问题：中方对此有何评论？`, paragraphs: [OTHER_ANSWERS[2 * i + 1]!] },
    ],
  }));
}

/** A long line whose wording drifts: each version inserts one more clause into the one before (ten versions). */
export const PENINSULA_BASE = [
  '中方在半岛问题上的立场是一贯的、明确的。',
  '我们始终主张通过对话协商，以和平方式解决半岛问题，坚持半岛无核化目标，维护半岛和平稳定。',
  '当前半岛形势总体保持缓和，但也存在一些不确定因素。',
  '希望有关各方保持冷静克制，多做有利于缓和紧张局势、增进相互信任的事，共同推动半岛问题政治解决进程不断向前。',
  '作为半岛近邻，中方愿继续同国际社会一道，为实现半岛长治久安发挥建设性作用。',
  '我们也注意到，有关国家近来在地区加强军事部署，这无助于问题的解决。',
  '中方敦促有关国家摒弃冷战思维，尊重地区国家的安全关切，不要做加剧紧张的事。',
];
const PENINSULA_CLAUSES: [number, string][] = [
  [1, '照顾彼此的合理关切，'],
  [3, '积极回应彼此关切，'],
  [4, '坚持“双轨并进”思路，'],
  [0, '多年来从未改变，'],
  [5, '破坏地区战略平衡，'],
  [6, '切实履行国际义务，'],
  [2, '各方都应珍惜来之不易的局面，'],
  [4, '同各方保持沟通协调，'],
  [1, '分阶段、同步走，'],
];

/** The ten versions of the drifting line, oldest first: version k has the first k clauses. */
export function peninsulaVersions(): string[] {
  const versions: string[] = [];
  const sentences = [...PENINSULA_BASE];
  versions.push(sentences.join(''));
  for (const [sentence, clause] of PENINSULA_CLAUSES) {
    const text = sentences[sentence]!;
    // The clause goes before the sentence's last punctuation.
    sentences[sentence] = `${text.slice(0, -1).replace(/，$/u, '')}，${clause.replace(/，$/u, '')}${text.slice(-1)}`;
    versions.push(sentences.join(''));
  }
  return versions;
}

/** Ten briefings, 2010 to 2019, each saying one version of the drifting line (see peninsulaVersions). */
export function peninsulaBriefings(): Briefing[] {
  return peninsulaVersions().map((text, i) => ({
    name: `${2010 + i}-03-1${i}-regular`,
    date: `${2010 + i}-03-1${i}`,
    exchanges: [{ outlet: '韩联社', question: `第${i + 1}轮有关半岛局势的报道引发关注。中方对当前半岛形势有何看法？`, paragraphs: [text] }],
  }));
}

/** A briefing in both editions (our own fictional text): the Chinese exchanges, and the English edition's text. */
export const SUMMIT_ZH: Exchange[] = [
  { outlet: '新华社', question: '据报道，第三届中国—中亚峰会将于6月在阿斯塔纳举行。发言人能否介绍有关情况？', paragraphs: ['峰会期间，六国元首将围绕深化互联互通、能源和绿色发展合作等议题深入交流。', '中方愿同中亚五国一道，推动中国—中亚命运共同体建设不断走深走实。'] },
  { outlet: '路透社', question: '有报道称，中方今年已向非洲国家提供了120万剂疫苗。你能否证实？', paragraphs: ['截至目前，中方已向非洲30多个国家提供了120万剂疫苗。中方将继续根据非方需要提供力所能及的帮助。'] },
  { outlet: '法新社', question: '联合国大会将于下周讨论气候变化问题。中方会提出哪些主张？', paragraphs: ['中方一贯主张坚持共同但有区别的责任原则。我们愿同各方一道，推动全球气候治理取得新进展。'] },
  { outlet: '彭博社', question: '中方对近期国际油价上涨有何评论？', paragraphs: ['我们注意到有关情况。希望各方共同维护国际能源市场稳定。'] },
];
export const SUMMIT_EN: [string, string, string[]][] = [
  ['Xinhua News Agency', 'It is reported that the third China-Central Asia Summit will be held in Astana in June. Could you share more details?', ['During the summit, the heads of state of the six countries will have in-depth exchanges on deepening connectivity and cooperation in energy and green development.', 'China stands ready to work with the five Central Asian countries to build a closer China-Central Asia community with a shared future.']],
  ['Reuters', 'It is reported that China has provided 1.2 million vaccine doses to African countries this year. Can you confirm that?', ['So far, China has provided 1.2 million vaccine doses to more than 30 African countries. China will continue to provide assistance within its capacity according to Africa\'s needs.']],
  ['AFP', 'The UN General Assembly will discuss climate change next week. What proposals will China put forward?', ['China always upholds the principle of common but differentiated responsibilities. We stand ready to work with all parties for new progress in global climate governance. The United Nations has a central role to play.']],
  ['Bloomberg', 'What is China\'s comment on the recent rise in international oil prices?', ['We noted the situation. We hope all parties will work together to keep the international energy market stable.']],
];

/** The English edition's transcript, as `npm run import` writes one: title, then labelled paragraphs. */
export function englishText(date: string, exchanges: readonly [string, string, string[]][]): string {
  const [year, month, day] = date.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const lines = [`Foreign Ministry Spokesperson Lin Ming's Regular Press Conference on ${months[month! - 1]} ${day}, ${year}`];
  for (const [outlet, question, answer] of exchanges) {
    lines.push(`${outlet}: ${question}`);
    answer.forEach((paragraph, i) => lines.push(i === 0 ? `Lin Ming: ${paragraph}` : paragraph));
  }
  return `${lines.join('\n\n')}\n`;
}

/** Writes both editions of a briefing as `npm run import` names them (`<date>-regular-press-conference-zh|en`); returns the folder. */
export function writeBothEditions(date: string, zh: Exchange[], en: [string, string, string[]][], dir = mkdtempSync(join(tmpdir(), 'koujing-editions-'))): string {
  const name = `${date}-regular-press-conference`;
  writeFileSync(join(dir, `${name}-zh.txt`), briefingText({ name, date, exchanges: zh }));
  writeFileSync(join(dir, `${name}-zh.meta.json`), `${JSON.stringify({ date, event: '外交部例行记者会', speaker: '林明', title: '外交部发言人', url: null, language: 'zh' }, null, 2)}\n`);
  writeFileSync(join(dir, `${name}-en.txt`), englishText(date, en));
  writeFileSync(join(dir, `${name}-en.meta.json`), `${JSON.stringify({ date, event: 'Foreign Ministry Regular Press Conference', speaker: 'Lin Ming', title: 'Foreign Ministry Spokesperson', url: null, language: 'en' }, null, 2)}\n`);
  return dir;
}
