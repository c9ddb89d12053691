import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/index-file.js';
import { buildIndex, readSources } from '../../src/ingest/sources.js';
import { answerQuestion, createSearchIndex } from '../../src/search/index.js';
import { createDefaultAnalyzer } from '../../src/text/index.js';
import { OTHER_ANSWERS, REEF_LINE, writeBriefings } from '../archive/helpers.js';

const analyzer = createDefaultAnalyzer();

/** Two briefings asked the same question (`answers`: what each answered), and one on other topics. */
function indexOf(answers: [string, string]) {
  const question = '请问中方对南沙岛礁建设有何评论？';
  const others = OTHER_ANSWERS.map((answer, i) => ({ outlet: '新华社', question: `第${i + 1}个问题：${answer.slice(0, 8)}？`, paragraphs: [answer] }));
  const dir = writeBriefings([
    { name: '2018-01-10-regular', date: '2018-01-10', exchanges: others },
    { name: '2019-03-04-regular', date: '2019-03-04', exchanges: [{ outlet: '路透社', question, paragraphs: [answers[0]] }] },
    { name: '2021-06-08-regular', date: '2021-06-08', exchanges: [{ outlet: '法新社', question, paragraphs: [answers[1]] }] },
  ]);
  return createSearchIndex(buildIndex(readSources(dir), PROJECT_ROOT, analyzer).index, analyzer);
}

describe('GIVEN two answers that match a question about equally well', () => {
  it('WHEN they say different things THEN no quote: either could be meant (ambiguous), both offered', () => {
    const index = indexOf([
      '南沙岛礁建设是中国主权范围内的事。我们敦促有关国家停止炒作。',
      '南沙岛礁建设完全正当合法。中方愿同地区国家共同维护和平稳定。',
    ]);
    const answer = answerQuestion(index, '中方对南沙岛礁建设怎么评论');
    expect(answer.status).toBe('no_match');
    expect(answer.decision?.reason).toBe('ambiguous');
    expect(answer.alternatives.map((alternative) => alternative.unitId).sort()).toEqual(['2019-03-04-regular#1', '2021-06-08-regular#1']);
  });

  it('WHEN they are the same line said twice THEN it is quoted (the archive picks the time)', () => {
    const answer = answerQuestion(indexOf([REEF_LINE, REEF_LINE]), '中方对南沙岛礁建设怎么评论');
    expect(answer.status).toBe('answered');
  });
});
