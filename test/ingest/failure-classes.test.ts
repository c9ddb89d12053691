import { describe, expect, it } from 'vitest';
import { ingestTranscript } from '../../src/ingest/pipeline.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';

/**
 * The failure classes of issue 7, each on a small transcript written for it: what ingest got
 * wrong on transcripts it had not seen, and what it does now.
 */

const analyzer = createDefaultAnalyzer();
const ingest = (lines: string[], speaker = '王毅') => ingestTranscript(lines.join('\n\n'), { id: 't', speaker }, analyzer);
const unitOf = (result: ReturnType<typeof ingest>, paragraph: string) => result.units.find((unit) => unit.paragraphs.includes(paragraph));

describe('ingest on the failure classes of issue 7', () => {
  it('GIVEN a paragraph under its right answer that shares one broad word with another answer’s topic THEN it stays', () => {
    const stays = '我们愿同各方加强合作，落实好《巴黎协定》，共同应对气候变化带来的挑战。';
    const result = ingest([
      '新华社记者：中非合作论坛即将召开，中方有何期待？',
      '王毅：中非合作论坛是中非友好合作的重要平台。我们期待论坛为中非合作注入新的动力。',
      '中方将同非洲国家一道，落实好论坛成果。',
      '路透社记者：中方会继续履行《巴黎协定》吗？',
      '王毅：应对气候变化是全人类的共同事业，中方将继续履行《巴黎协定》。',
      stays,
    ]);
    expect(unitOf(result, stays)!.question).toBe('中方会继续履行《巴黎协定》吗？');
  });

  it('GIVEN a list item standing after another answer, far from its siblings THEN it joins them', () => {
    const item = '三是推动两国人文交流，增进人民之间的相互了解。';
    const result = ingest([
      '新华社记者：中俄关系今年有哪些重点？',
      '王毅：今年中俄关系将在以下三个方面着力：',
      '一是深化政治互信，保持高层交往。',
      '二是拓展务实合作，扩大能源和农业贸易。',
      '路透社记者：中方如何看待南海局势？',
      '王毅：南海局势总体稳定，中方愿同东盟国家推进磋商。',
      item,
    ]);
    const unit = unitOf(result, item)!;
    expect(unit.question).toBe('中俄关系今年有哪些重点？');
    expect(unit.paragraphs.slice(1)).toEqual(['一是深化政治互信，保持高层交往。', '二是拓展务实合作，扩大能源和农业贸易。', item]);
    expect(result.report.some((r) => r.action === 'reassign' && r.detail.startsWith('Moved') && r.detail.includes('list +'))).toBe(true);
  });

  it('GIVEN a question directly followed by another question’s answer THEN each question gets its own answer by content', () => {
    const result = ingest([
      '新华社记者：中日关系今年会改善吗？',
      '王毅：中俄全面战略协作伙伴关系处于历史最好水平，两国元首保持密切交往。',
      '王毅：中日互为近邻，日方应当正视历史，中日关系才能改善。',
      '路透社记者：中方如何看待南海局势？',
      '王毅：南海局势总体稳定，中方愿同东盟国家推进磋商。',
      '塔斯社记者：您如何评价中俄关系？',
    ]);
    expect(result.units.map((u) => [u.question, u.paragraphs[0]!.slice(0, 2)])).toEqual([
      ['您如何评价中俄关系？', '中俄'],
      ['中日关系今年会改善吗？', '中日'],
      ['中方如何看待南海局势？', '南海'],
    ]);
    expect(result.unanswered).toEqual([]);
  });

  it('GIVEN an opening announcement with no speaker label in a 问/答 briefing THEN it is a unit with no question', () => {
    const result = ingestTranscript(
      [
        '2019年6月19日外交部发言人韩立新主持例行记者会',
        '2019年6月19日，外交部发言人韩立新主持例行记者会。',
        '应国务委员兼外交部长邀请，某国外长将于6月20日至23日对中国进行正式访问。',
        '问：中方对这次访问有何期待？',
        '答：中方期待这次访问取得圆满成功。',
      ].join('\n'),
      { id: 'b' },
      analyzer,
    );
    expect(result.units.map((u) => [u.question, u.speaker, u.paragraphs])).toEqual([
      [null, '韩立新', ['应国务委员兼外交部长邀请，某国外长将于6月20日至23日对中国进行正式访问。']],
      ['中方对这次访问有何期待？', '韩立新', ['中方期待这次访问取得圆满成功。']],
    ]);
  });

  it('GIVEN a paragraph whose every copy stands under another answer THEN it goes home by what it names', () => {
    const home = '俄罗斯是中国最大的邻国，中俄两国元首保持着密切交往。';
    const result = ingest([
      '塔斯社记者：您如何评价中俄关系？',
      '王毅：中俄关系处于历史最好水平，俄罗斯是中国的全面战略协作伙伴。',
      '共同社记者：中日关系今年会改善吗？',
      '王毅：中日互为近邻，日方应当正视历史，日本同中国的关系才能改善。',
      '日本应当以实际行动取信于亚洲邻国。',
      home,
      '日本同中国的经贸合作潜力很大。',
      home,
    ]);
    expect(unitOf(result, home)!.question).toBe('您如何评价中俄关系？');
    expect(result.units.flatMap((u) => u.paragraphs).filter((p) => p === home)).toHaveLength(1);
  });
});

describe('ingest on a bilingual transcript', () => {
  const result = ingestTranscript(
    [
      '外交部长林致远就中国外交政策和对外关系答中外记者问',
      'Foreign Minister Lin Zhiyuan Meets the Press',
      '中国国际电视台记者：中美关系怎么看？',
      'CGTN: How do you see China-US relations?',
      '林致远：中美关系十分重要，',
      '两国应当相互尊重。',
      'Lin Zhiyuan: China-US relations are very important, and the two countries should respect each other.',
      '双方应当相向而行。',
      'The two sides should meet each other halfway.',
      '法新社记者：中国会加大减排力度吗？',
      'AFP: Will China step up emission reductions?',
      '林致远：中国将如期实现减排目标。',
      'Lin Zhiyuan: China will meet its emission targets as planned.',
    ].join('\n\n'),
    { id: 'bi', speaker: '林致远' },
    analyzer,
  );

  it('GIVEN Chinese paragraphs each followed by their English THEN units keep the Chinese and carry the English in parallel', () => {
    expect(result.units.map((u) => ({ question: u.question, questionTranslation: u.questionTranslation, paragraphs: u.paragraphs, translation: u.translation }))).toEqual([
      {
        question: '中美关系怎么看？',
        questionTranslation: 'How do you see China-US relations?',
        paragraphs: ['中美关系十分重要，两国应当相互尊重。', '双方应当相向而行。'],
        translation: ['China-US relations are very important, and the two countries should respect each other.', 'The two sides should meet each other halfway.'],
      },
      {
        question: '中国会加大减排力度吗？',
        questionTranslation: 'Will China step up emission reductions?',
        paragraphs: ['中国将如期实现减排目标。'],
        translation: ['China will meet its emission targets as planned.'],
      },
    ]);
  });

  it('GIVEN a Chinese-only transcript THEN units have no translation fields', () => {
    const chinese = ingestTranscript('新华社记者：问题？\n\n王毅：回答。\n', { id: 'zh', speaker: '王毅' }, analyzer);
    expect('translation' in chinese.units[0]!).toBe(false);
    expect('questionTranslation' in chinese.units[0]!).toBe(false);
  });
});
