import type { z } from 'zod';
import type { ErrorInfo, Result } from '../../../shared/contract/errors';
import { contract, isChannel, type Channel, type ParsedRequestOf, type ResponseOf } from '../../../shared/contract/ipc-contract';
import { toErrorInfo } from '../app-error';
import type { EventLog } from '../logging/event-log';
import { errorClassOf } from '../logging/log-events';

export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/** Names the first field at fault and what is wrong with it, never the value that was sent. */
export function describeInvalid(error: z.ZodError): ErrorInfo {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  let what = issue?.message ?? 'is not valid';
  if (issue?.code === 'unrecognized_keys') what = `unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  else if (issue?.code === 'invalid_type') what = `must be ${issue.expected}`;
  const info: ErrorInfo = { code: 'invalid_request', message: field ? `${field}: ${what}` : `request: ${what}` };
  if (field) info.field = field;
  return info;
}

export interface DispatchOptions {
  /** Told of every refused call by channel and error code (and, for `internal`, the built-in error class). */
  log?: EventLog;
}

/**
 * The single door into the core for the UI: checks the channel, validates the request against the
 * contract, runs the handler and turns every failure into a structured error that names the field
 * and carries no stack trace and no personal data. The response is passed through its schema as
 * well, which strips anything a handler returned beyond the contract.
 */
export async function dispatch(handlers: Handlers, channel: string, request: unknown, options: DispatchOptions = {}): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    options.log?.event('rpc.refused', { reason: 'unknown_channel' });
    return { ok: false, error: { code: 'unknown_channel', message: 'Unknown channel.' } };
  }
  const spec = contract[channel];
  const parsed = spec.request.safeParse(request ?? {});
  if (!parsed.success) {
    options.log?.event('rpc.failed', { channel, code: 'invalid_request' });
    return { ok: false, error: describeInvalid(parsed.error) };
  }
  try {
    const handler = handlers[channel] as (req: unknown) => unknown;
    const value = spec.response.parse(await handler(parsed.data));
    return { ok: true, value };
  } catch (e) {
    const info = toErrorInfo(e);
    options.log?.event('rpc.failed', { channel, code: info.code, ...(info.code === 'internal' ? { errorClass: errorClassOf(e) } : {}) });
    return { ok: false, error: info };
  }
}
