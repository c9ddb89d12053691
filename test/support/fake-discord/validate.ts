import type { FieldError } from './errors.js';
import type { Json } from './payloads.js';

/** Discord's documented limits on what a bot sends. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthorName: 256,
  embedsTotal: 6000,
  actionRows: 5,
  componentsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const tooLong = (path: string[], max: number): FieldError => ({
  path,
  code: 'BASE_TYPE_MAX_LENGTH',
  message: `Must be ${max} or fewer in length.`,
});

const length = (value: unknown): number => (typeof value === 'string' ? [...value].length : 0);

/**
 * Checks a message body (create, edit, interaction response data) against Discord's limits:
 * content 2000, 10 embeds, 6000 characters over all embeds, 4096 per description, 25 fields,
 * custom ids of 100, 5 rows of 5 components. Returns the violations, empty when valid.
 */
export function validateMessageBody(body: Json): FieldError[] {
  const errors: FieldError[] = [];
  if (length(body.content) > LIMITS.content) errors.push(tooLong(['content'], LIMITS.content));
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Json[]) : [];
  if (embeds.length > LIMITS.embeds) errors.push(tooLong(['embeds'], LIMITS.embeds));
  let embedsTotal = 0;
  embeds.forEach((embed, index) => {
    const at = (...rest: string[]) => ['embeds', String(index), ...rest];
    const footer = (embed.footer ?? {}) as Json;
    const author = (embed.author ?? {}) as Json;
    const fields = Array.isArray(embed.fields) ? (embed.fields as Json[]) : [];
    if (length(embed.title) > LIMITS.embedTitle) errors.push(tooLong(at('title'), LIMITS.embedTitle));
    if (length(embed.description) > LIMITS.embedDescription) {
      errors.push(tooLong(at('description'), LIMITS.embedDescription));
    }
    if (length(footer.text) > LIMITS.embedFooter) errors.push(tooLong(at('footer', 'text'), LIMITS.embedFooter));
    if (length(author.name) > LIMITS.embedAuthorName) errors.push(tooLong(at('author', 'name'), LIMITS.embedAuthorName));
    if (fields.length > LIMITS.embedFields) errors.push(tooLong(at('fields'), LIMITS.embedFields));
    fields.forEach((field, fieldIndex) => {
      if (length(field.name) > LIMITS.embedFieldName) {
        errors.push(tooLong(at('fields', String(fieldIndex), 'name'), LIMITS.embedFieldName));
      }
      if (length(field.value) > LIMITS.embedFieldValue) {
        errors.push(tooLong(at('fields', String(fieldIndex), 'value'), LIMITS.embedFieldValue));
      }
      embedsTotal += length(field.name) + length(field.value);
    });
    embedsTotal += length(embed.title) + length(embed.description) + length(footer.text) + length(author.name);
  });
  if (embedsTotal > LIMITS.embedsTotal) {
    errors.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  }
  errors.push(...validateComponents(body.components));
  return errors;
}

function validateComponents(components: unknown): FieldError[] {
  if (!Array.isArray(components)) return [];
  const errors: FieldError[] = [];
  if (components.length > LIMITS.actionRows) errors.push(tooLong(['components'], LIMITS.actionRows));
  (components as Json[]).forEach((row, rowIndex) => {
    const children = Array.isArray(row.components) ? (row.components as Json[]) : [];
    if (children.length > LIMITS.componentsPerRow) {
      errors.push(tooLong(['components', String(rowIndex), 'components'], LIMITS.componentsPerRow));
    }
    children.forEach((child, index) => {
      const at = (...rest: string[]) => ['components', String(rowIndex), 'components', String(index), ...rest];
      if (length(child.custom_id) > LIMITS.customId) errors.push(tooLong(at('custom_id'), LIMITS.customId));
      if (length(child.label) > LIMITS.buttonLabel) errors.push(tooLong(at('label'), LIMITS.buttonLabel));
      if (Array.isArray(child.options) && child.options.length > LIMITS.selectOptions) {
        errors.push(tooLong(at('options'), LIMITS.selectOptions));
      }
    });
  });
  return errors;
}

/** Checks autocomplete choices: at most 25, names and string values of at most 100 characters. */
export function validateAutocompleteChoices(data: Json | undefined): FieldError[] {
  const choices = Array.isArray(data?.choices) ? (data.choices as Json[]) : [];
  const errors: FieldError[] = [];
  if (choices.length > LIMITS.autocompleteChoices) errors.push(tooLong(['data', 'choices'], LIMITS.autocompleteChoices));
  choices.forEach((choice, index) => {
    if (length(choice.name) > LIMITS.choiceName) errors.push(tooLong(['data', 'choices', String(index), 'name'], LIMITS.choiceName));
    if (length(choice.value) > LIMITS.choiceValue) {
      errors.push(tooLong(['data', 'choices', String(index), 'value'], LIMITS.choiceValue));
    }
  });
  return errors;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Checks one application command as PUT/POST would: names, descriptions and their localisations. */
export function validateCommand(command: Json, index: number): FieldError[] {
  const errors: FieldError[] = [];
  const type = (command.type as number | undefined) ?? 1;
  const at = (...rest: string[]) => [String(index), ...rest];
  const checkName = (name: unknown, path: string[]) => {
    const valid =
      typeof name === 'string' &&
      (type === 1 ? COMMAND_NAME.test(name) && name === name.toLowerCase() : length(name) >= 1 && length(name) <= 32);
    if (!valid) errors.push({ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
  };
  checkName(command.name, at('name'));
  for (const [locale, name] of Object.entries((command.name_localizations ?? {}) as Json)) {
    checkName(name, at('name_localizations', locale));
  }
  if (type === 1) {
    const description = length(command.description);
    if (description < 1 || description > 100) errors.push(tooLong(at('description'), 100));
    for (const [locale, text] of Object.entries((command.description_localizations ?? {}) as Json)) {
      if (length(text) < 1 || length(text) > 100) errors.push(tooLong(at('description_localizations', locale), 100));
    }
    const options = Array.isArray(command.options) ? (command.options as Json[]) : [];
    if (options.length > 25) errors.push(tooLong(at('options'), 25));
    options.forEach((option, optionIndex) => {
      if (typeof option.name !== 'string' || !COMMAND_NAME.test(option.name)) {
        errors.push({ path: at('options', String(optionIndex), 'name'), code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
      }
      const optionDescription = length(option.description);
      if (optionDescription < 1 || optionDescription > 100) errors.push(tooLong(at('options', String(optionIndex), 'description'), 100));
    });
  } else if (command.description !== undefined && command.description !== '') {
    errors.push({ path: at('description'), code: 'APPLICATION_COMMAND_INVALID_DESCRIPTION', message: 'Context menu commands cannot have description' });
  }
  return errors;
}
