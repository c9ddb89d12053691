import { describe, expect, it } from 'vitest';
import { InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { loadCommands } from '../../src/bot/command-loader.js';

describe('loadCommands', () => {
  it('GIVEN the commands folder THEN one command per file, named as Discord will show them', async () => {
    const commands = await loadCommands();
    expect([...commands.keys()].sort()).toEqual(['ask', 'quote', 'reload', 'stats', 'timeline', 'topic', '查找官方回答'].sort());
  });

  it('GIVEN the command data THEN names and descriptions are localised zh-CN, zh-TW, en-US, Chinese by default', async () => {
    const commands = await loadCommands();
    const ask = commands.get('ask')!.data.toJSON() as { description: string; name_localizations: Record<string, string>; options: { name: string; max_length?: number; required?: boolean }[] };
    expect(ask.description).toBe('用记者会实录中的原话回答您的外交政策问题');
    expect(ask.name_localizations).toMatchObject({ 'zh-CN': '提问', 'zh-TW': '提問', 'en-US': 'ask' });
    expect(ask.options[0]).toMatchObject({ name: 'question', required: true, max_length: 500 });
    const context = commands.get('查找官方回答')!.data.toJSON() as { type: number; name_localizations: Record<string, string> };
    expect(context.type).toBe(3);
    expect(context.name_localizations['en-US']).toBe('Find official answer');
  });

  it('GIVEN /stats THEN it is for servers only, shown by default to members with Manage Server', async () => {
    const stats = (await loadCommands()).get('stats')!.data.toJSON() as { default_member_permissions: string; contexts: number[]; name_localizations: Record<string, string> };
    expect(stats.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(stats.contexts).toEqual([InteractionContextType.Guild]);
    expect(stats.name_localizations).toMatchObject({ 'zh-CN': '统计', 'en-US': 'stats' });
  });
});
