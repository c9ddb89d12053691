import { describe, expect, it } from 'vitest';
import { checkQuestion } from '../../src/bot/question-input.js';

describe('checkQuestion', () => {
  it.each([
    ['  中方如何看待中美关系？ ', { ok: true, question: '中方如何看待中美关系？' }],
    ['GDP', { ok: true, question: 'GDP' }],
    ['@everyone <@&1180000000000000555> 谎言录 <@1180000000000000200>  <#1180000000000000101>', { ok: true, question: '谎言录' }],
    ['@here', { ok: false, problem: 'empty' }],
    ['2020', { ok: true, question: '2020' }],
    ['', { ok: false, problem: 'empty' }],
    [' \n\t ', { ok: false, problem: 'empty' }],
    ['👍🏽🎉', { ok: false, problem: 'no_words' }],
    ['❤️ <:pepe:123456789012345678> <a:dance:123456789012345678>', { ok: false, problem: 'no_words' }],
    ['1️⃣#️⃣', { ok: false, problem: 'no_words' }],
    ['👨‍👩‍👧', { ok: false, problem: 'no_words' }],
    ['？？？！', { ok: false, problem: 'no_words' }],
    ['中美关系👍', { ok: true, question: '中美关系👍' }],
    ['问'.repeat(500), { ok: true, question: '问'.repeat(500) }],
    ['问'.repeat(501), { ok: false, problem: 'too_long', length: 501, max: 500 }],
  ])('%j → %j', (text, expected) => {
    expect(checkQuestion(text)).toEqual(expected);
  });
});
