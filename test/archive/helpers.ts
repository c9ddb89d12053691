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
