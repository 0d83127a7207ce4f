import { webhookForInject } from '../webhook-app.js';
import { webhookRequests } from './admission-reviews.js';
import type { HttpCase } from './http-requests.js';
import { excerpt, FuzzCrash, type FuzzTarget } from './target.js';

interface ReviewAnswer {
  response?: { uid?: unknown; allowed?: unknown; status?: { code?: unknown; message?: unknown } };
}

function uidOf(body: string | Buffer): unknown {
  try {
    return (JSON.parse(String(body).replace(/^\uFEFF/, '')) as { request?: { uid?: unknown } }).request?.uid;
  } catch {
    return undefined;
  }
}

/** The webhook server in process (fastify inject), with every rule family over an empty store. */
export async function webhookTarget(): Promise<FuzzTarget<HttpCase>> {
  const app = await webhookForInject();
  return {
    name: 'webhook',
    inputs: webhookRequests,
    describe: (input) =>
      `${input.method} ${input.url} ${JSON.stringify(input.headers)} ${excerpt(input.body)}`,
    close: () => app.close(),
    async run(input) {
      const reply = await app.inject({
        method: input.method,
        url: input.url,
        headers: input.headers,
        payload: input.body,
      });
      const status = reply.statusCode;
      if (status >= 500) throw new FuzzCrash(`HTTP ${status}: ${excerpt(reply.body)}`);
      if (status >= 400) {
        const message = (reply.json() as { message?: unknown }).message;
        if (typeof message !== 'string' || message === '')
          throw new FuzzCrash(`HTTP ${status} without a message`);
        return `${status}`;
      }
      const isReview = input.method === 'POST' && (input.url === '/validate' || input.url === '/mutate');
      if (!isReview) return `${status} ${input.method}`;
      const answer = (reply.json() as ReviewAnswer).response;
      if (!answer || answer.uid !== uidOf(input.body))
        throw new FuzzCrash(`answer uid ${JSON.stringify(answer?.uid ?? null)} is not the request's`);
      if (answer.allowed === true) return 'allowed';
      if (answer.allowed !== false) throw new FuzzCrash(`answer without allowed: ${excerpt(reply.body)}`);
      const code = answer.status?.code;
      if (code !== 403)
        throw new FuzzCrash(`denied with code ${String(code)}: ${String(answer.status?.message)}`);
      return 'denied';
    },
  };
}
