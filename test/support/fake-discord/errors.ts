/** One invalid field of a request body, in the nested `errors` shape of Discord's 50035. */
export interface FieldError {
  /** Path of the field, e.g. `['embeds', '0', 'description']`. */
  path: string[];
  /** Discord's error code, e.g. `'BASE_TYPE_MAX_LENGTH'`. */
  code: string;
  message: string;
}

/** An error answered as Discord answers it: an HTTP status and `{ message, code, errors? }`. */
export class DiscordApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }

  /** The JSON body Discord sends with this error. */
  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { message: this.message, code: this.code };
    if (this.fieldErrors.length > 0) body.errors = nestFieldErrors(this.fieldErrors);
    return body;
  }
}

/** 400 Invalid Form Body (50035) listing `errors`. */
export function invalidFormBody(errors: FieldError[]): DiscordApiError {
  return new DiscordApiError(400, 50035, 'Invalid Form Body', errors);
}

/** 404 with one of Discord's "Unknown …" codes, e.g. `unknown(10003, 'Unknown Channel')`. */
export function unknown(code: number, message: string): DiscordApiError {
  return new DiscordApiError(404, code, message);
}

function nestFieldErrors(errors: FieldError[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const error of errors) {
    let node = root;
    for (const key of error.path) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    const list = (node._errors ??= []) as unknown[];
    list.push({ code: error.code, message: error.message });
  }
  return root;
}
