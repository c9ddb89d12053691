/**
 * `npm run docs:pictures` — the pictures at the top of the README, from the bot's actual reply
 * payloads: an answer to `/ask` (embed, buttons, attribution) as the bot renders it, and the
 * choices `/topic`'s autocomplete handler answers while someone types. Each is drawn as HTML in
 * the style of Discord's dark theme (src/bot/docs-pictures/discord.css) and photographed with
 * headless Chromium (Debian's `chromium` package; CJK and emoji fonts: fonts-noto-cjk,
 * fonts-noto-color-emoji). Writes src/bot/docs-pictures/*.png. Not part of the tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed, ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import { autocomplete as topicAutocomplete } from '../../commands/topic.js';
import { renderAnswer, type ReplyBody } from '../bot/answer-view.js';
import type { BotContext } from '../bot/command.js';
import { RateLimiter } from '../bot/rate-limiter.js';
import { interactionReply } from '../bot/reply.js';
import { parseConfig } from '../config.js';
import { FEEDBACK_OFF } from '../feedback/index.js';
import { PROJECT_ROOT, readIndexFile } from '../index-file.js';
import { createLogger } from '../log.js';
import { commandTexts } from '../messages.js';
import { answerQuestion, createSearchIndex } from '../search/index.js';
import { createDefaultAnalyzer } from '../text/index.js';

/** Where the pictures (and the style sheet) live. */
export const PICTURES_DIR = join(PROJECT_ROOT, 'src/bot/docs-pictures');
/** The question the answer picture shows, and what is typed in `/topic` for the other. */
export const PICTURED_QUESTION = '中美关系会走向新冷战吗';
export const PICTURED_TYPING = '中';

/** The flags Chromium runs with: headless, no sandbox (root in a container), nothing fetched from the network. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
  '--force-device-scale-factor=1',
];
const WIDTH = 780;

async function main(): Promise<void> {
  const file = readIndexFile();
  const index = createSearchIndex(file, createDefaultAnalyzer());

  // The reply /ask sends for the question: private, with 发到频道, 👍 👎 (feedback kept) and the paragraph menu.
  const answer = answerQuestion(index, PICTURED_QUESTION);
  if (answer.status !== 'answered') throw new Error(`docs-pictures: "${PICTURED_QUESTION}" is not answered (${answer.status}); pick another question`);
  const reply = interactionReply(renderAnswer(index, answer, { publishable: true, votable: true }), true);

  // What /topic's autocomplete handler responds while the user types.
  const context: BotContext = { config: parseConfig({}), index, logger: createLogger('silent'), rateLimiter: new RateLimiter(1, 1), feedback: FEEDBACK_OFF };
  let choices: ApplicationCommandOptionChoiceData[] = [];
  const typing = { options: { getFocused: () => PICTURED_TYPING }, respond: async (answered: ApplicationCommandOptionChoiceData[]) => void (choices = answered) };
  await topicAutocomplete(typing as unknown as AutocompleteInteraction, context);

  const css = readFileSync(join(PICTURES_DIR, 'discord.css'), 'utf8');
  const work = mkdtempSync(join(tmpdir(), 'koujing-pictures-'));
  try {
    for (const [name, body] of [
      ['answer', answerHtml(reply)],
      ['topic-autocomplete', autocompleteHtml(choices)],
    ] as const) {
      const out = join(PICTURES_DIR, `${name}.png`);
      screenshot(page(css, body), out, work);
      process.stdout.write(`docs:pictures: wrote ${out}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Writes the page, measures its height in Chromium, and photographs it at that height. */
function screenshot(html: string, out: string, work: string): void {
  const htmlPath = join(work, 'page.html');
  writeFileSync(htmlPath, html);
  const run = (extra: string[]) =>
    execFileSync('chromium', [...CHROMIUM_FLAGS, `--user-data-dir=${mkdtempSync(join(work, 'profile-'))}`, ...extra, pathToFileURL(htmlPath).href], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  const measured = /data-height="(\d+)"/.exec(run([`--window-size=${WIDTH},2000`, '--dump-dom']));
  if (measured === null) throw new Error('docs-pictures: Chromium did not report the page height');
  run([`--window-size=${WIDTH},${measured[1]}`, `--screenshot=${out}`]);
}

function page(css: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body>${body}
<script>document.body.dataset.height = Math.ceil(document.body.getBoundingClientRect().height);</script></body></html>`;
}

/** The /ask reply as Discord shows it to the asker: who used the command, the bot's message, its embed and components. */
function answerHtml(reply: ReplyBody & { flags?: number }): string {
  const embeds = (reply.embeds ?? []).map(embedHtml).join('');
  const rows = (reply.components ?? []).map(rowHtml).join('');
  return `<div class="message">
  <div class="reply-line"><span class="mini"></span><span class="who">记者</span> 使用了 <span class="command">/${commandTexts.ask.nameLocalizations['zh-CN']}</span></div>
  <div class="avatar">口</div>
  <div class="header"><span class="name">口径</span><span class="badge">应用</span><span class="time">今天 20:15</span></div>
  ${reply.content === undefined ? '' : `<div class="embed-description">${markdownToHtml(reply.content)}</div>`}
  ${embeds}
  <div class="components">${rows}</div>
  <div class="ephemeral">👁 只有您才能看到这些 · <a>忽略这些消息</a></div>
</div>`;
}

function embedHtml(embed: APIEmbed): string {
  const color = `#${(embed.color ?? 0x202225).toString(16).padStart(6, '0')}`;
  return `<div class="embed" style="border-left-color:${color}">
  ${embed.title === undefined ? '' : `<div class="embed-title">${escapeHtml(embed.title)}</div>`}
  ${embed.description === undefined ? '' : `<div class="embed-description">${markdownToHtml(embed.description)}</div>`}
  ${embed.footer === undefined ? '' : `<div class="embed-footer">${escapeHtml(embed.footer.text)}</div>`}
</div>`;
}

function rowHtml(row: APIActionRowComponent<APIComponentInMessageActionRow>): string {
  const parts = row.components.map((component) => {
    if ('placeholder' in component) return `<div class="select">${escapeHtml(component.placeholder ?? '')}</div>`;
    if (!('style' in component)) return '';
    const style = component.style === 1 ? 'primary' : 'secondary';
    const emoji = 'emoji' in component && component.emoji?.name !== undefined ? `<span>${component.emoji.name}</span>` : '';
    const label = 'label' in component && component.label !== undefined ? escapeHtml(component.label) : '';
    return `<span class="button ${style}${'disabled' in component && component.disabled ? ' disabled' : ''}">${emoji}${label}</span>`;
  });
  return `<div class="row">${parts.join('')}</div>`;
}

/** The chat box with `/topic 话题: 中` typed, and the choices above it, the first highlighted. */
function autocompleteHtml(choices: readonly ApplicationCommandOptionChoiceData[]): string {
  const option = commandTexts.topicTopic.nameLocalizations['zh-CN'];
  const items = choices.map((choice, i) => `<div class="choice${i === 0 ? ' selected' : ''}">${escapeHtml(choice.name)}</div>`).join('');
  return `<div class="composer">
  <div class="autocomplete"><div class="title">/${commandTexts.topic.nameLocalizations['zh-CN']} · ${escapeHtml(option ?? '')}</div>${items}</div>
  <div class="input"><span class="slash">/${commandTexts.topic.nameLocalizations['zh-CN']}</span><span class="option"><span class="label">${escapeHtml(option ?? '')}</span>${escapeHtml(PICTURED_TYPING)}</span><span class="caret"></span></div>
</div>`;
}

/**
 * The Markdown the bot sends, as Discord shows it: `\`-escapes, **bold**, `> ` block quotes.
 * `markdownToHtml('**问**：\\*甲')` → `<strong>问</strong>：*甲`
 */
export function markdownToHtml(text: string): string {
  const escaped: string[] = [];
  const held = text.replace(/\\([\\*_~`|>#\-[\]()])/g, (_, char: string) => `\u0000${escaped.push(char) - 1}\u0000`);
  const lines = escapeHtml(held)
    .replace(/\*\*([\s\S]+?)\*\*/g, '<strong>$1</strong>')
    .split('\n')
    .map((line) => (line.startsWith('&gt; ') ? `<blockquote>${line.slice(5)}</blockquote>` : line));
  return lines.join('\n').replace(/\u0000(\d+)\u0000/g, (_, i: string) => escapeHtml(escaped[Number(i)]!));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
