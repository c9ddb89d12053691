import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPage, type ImportedTranscript } from '../../src/import/import-page.js';
import { ingestTranscript } from '../../src/ingest/pipeline.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

const analyzer = createDefaultAnalyzer();

function imported(name: string): ImportedTranscript {
  const result = importPage(readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url)), { url: null, contentType: null });
  if (!result.ok) throw new Error(result.reason);
  return result.transcript;
}

/** What build-index would do with the imported files: the text, with the meta keys ingest reads. */
function ingest(transcript: ImportedTranscript) {
  const { date, event, speaker, title } = transcript.meta;
  return ingestTranscript(transcript.files.text, { id: transcript.files.name, date, event, speaker, title: title ?? null }, analyzer);
}

describe('an imported page through ingestTranscript', () => {
  it('GIVEN the imported Chinese regular press conference THEN one unit per answer, each with its reporter’s question, all source text', () => {
    const result = ingest(imported('regular-zh.html'));
    expect(result.source).toMatchObject({ date: '2024-05-20', event: '外交部例行记者会', speaker: '林明', title: '外交部发言人', heading: '2024年5月20日外交部发言人林明主持例行记者会' });
    expect(result.units.map(({ outlet, question, speaker, paragraphs }) => ({ outlet, question, speaker, paragraphs }))).toEqual([
      {
        outlet: '总台央视',
        question: '据报道，首届中国—太平洋岛国渔业合作论坛日前在福州闭幕。发言人能否介绍论坛取得了哪些成果？',
        speaker: '林明',
        paragraphs: ['本届论坛以“蓝色伙伴、共同发展”为主题，来自十余个岛国的代表出席。各方围绕渔业资源养护、远洋渔业合作和人员培训深入交流，达成多项共识。', '中方愿同岛国一道，落实论坛成果，推动渔业合作惠及更多当地民众。'],
      },
      {
        outlet: '路透社',
        question: '有消息称，某国政府计划对中国产电动汽车加征关税。中方对此有何回应？',
        speaker: '林明',
        paragraphs: ['我们注意到有关报道。中方一贯反对将经贸问题政治化，反对以各种借口搞保护主义。', '我们希望有关方面恪守世贸组织规则，为中国企业提供公平、公正、非歧视的营商环境。中方将采取必要措施，坚决维护中国企业的正当权益。'],
      },
      { outlet: '法新社', question: '中方是否会派代表出席下月在日内瓦举行的国际会议？', speaker: '林明', paragraphs: ['关于你提到的问题，目前我没有可以发布的消息。'] },
    ]);
    expect(result.unanswered).toEqual([]);
  });

  it('GIVEN the imported minister’s press conference THEN the line the page broke with <br> is one paragraph again, the host’s words answer nothing', () => {
    const result = ingest(imported('minister-zh.html'));
    expect(result.units.map((unit) => [unit.question, unit.paragraphs.length, unit.speaker])).toEqual([
      [null, 1, '周衡'],
      ['过去一年，中国举办了多场主场外交活动。您如何评价这些活动的意义？', 2, '周衡'],
      ['有观点认为，某些大国之间正在滑向对抗。中方如何看待？', 1, '周衡'],
    ]);
    expect(result.units[1]!.paragraphs[0]).toBe('主场外交是中国展示开放合作姿态的重要平台。一年来，我们同各方共商合作大计，签署了一大批合作文件，推动各领域务实合作取得新进展。');
    expect(result.units.flatMap((unit) => unit.paragraphs).some((p) => p.includes('今天我们请周衡部长'))).toBe(false);
  });
});
