import { createHash } from 'node:crypto';
import {
  HttpMethod,
  IsomorphicFetchHttpLibrary,
  type KubeConfig,
  RequestContext,
} from '@kubernetes/client-node';

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path and query below the server URL, e.g. `/api/v1/namespaces/a/secrets/b`. */
  path: string;
  body?: unknown;
  contentType?: string;
}

export interface ApiResponse {
  statusCode: number;
  /** Parsed JSON, or the raw text when the body is not JSON, or undefined when empty. */
  body: unknown;
}

/** One HTTP exchange with the API server; KubeStore's only way out. */
export type ApiTransport = (request: ApiRequest) => Promise<ApiResponse>;

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const METHODS = {
  GET: HttpMethod.GET,
  POST: HttpMethod.POST,
  PATCH: HttpMethod.PATCH,
  DELETE: HttpMethod.DELETE,
} as const;

/**
 * client-node gives every request a new connection pool (`applySecurityAuthentication` makes a new
 * dispatcher each time), so each request would open its own TLS connection: a handshake on both ends
 * per write. The first dispatcher made for the same TLS material (CA, client certificate and key, as
 * the kubeconfig's files hold them now) is kept and used again, so connections are kept alive.
 */
function reusedDispatchers(kubeConfig: KubeConfig): (context: RequestContext) => Promise<void> {
  const kept = new Map<string, ReturnType<RequestContext['getDispatcher']>>();
  return async (context) => {
    const tls: {
      ca?: unknown;
      cert?: unknown;
      key?: unknown;
      rejectUnauthorized?: boolean;
      servername?: string;
    } = {};
    await kubeConfig.applyToHTTPSOptions(tls);
    const key = createHash('sha256')
      .update(
        JSON.stringify([
          String(tls.ca),
          String(tls.cert),
          String(tls.key),
          tls.rejectUnauthorized,
          tls.servername,
        ]),
      )
      .digest('hex');
    const dispatcher = kept.get(key);
    if (dispatcher) {
      context.setDispatcher(dispatcher);
      return;
    }
    const made = context.getDispatcher();
    if (made) {
      kept.clear();
      kept.set(key, made);
    }
  };
}

/**
 * Requests through @kubernetes/client-node: the kubeconfig's server, TLS settings and
 * credentials (tokens, client certificates, exec plugins) apply to every request.
 */
export function kubeConfigTransport(kubeConfig: KubeConfig, timeoutMs = 30_000): ApiTransport {
  const http = new IsomorphicFetchHttpLibrary();
  const reuse = reusedDispatchers(kubeConfig);
  return async (request) => {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig has no current cluster');
    const context = new RequestContext(
      `${cluster.server.replace(/\/+$/, '')}${request.path}`,
      METHODS[request.method],
    );
    context.setHeaderParam('Accept', 'application/json');
    if (request.body !== undefined) {
      context.setHeaderParam('Content-Type', request.contentType ?? 'application/json');
      context.setBody(JSON.stringify(request.body));
    }
    context.setSignal(AbortSignal.timeout(timeoutMs));
    await kubeConfig.applySecurityAuthentication(context);
    await reuse(context);
    const response = await http.send(context).toPromise();
    return { statusCode: response.httpStatusCode, body: parseBody(await response.body.text()) };
  };
}
