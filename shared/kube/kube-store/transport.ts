import {
  HttpMethod,
  IsomorphicFetchHttpLibrary,
  type KubeConfig,
  RequestContext,
} from '@kubernetes/client-node';
import { connectionIdentity, DispatcherPool } from './dispatcher-pool.js';

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
 * Requests through @kubernetes/client-node: the kubeconfig's server, TLS settings and
 * credentials (tokens, client certificates, exec plugins) apply to every request. Connections are
 * kept alive and reused while their TLS material stays the same (DispatcherPool).
 */
export function kubeConfigTransport(kubeConfig: KubeConfig, timeoutMs = 30_000): ApiTransport {
  const http = new IsomorphicFetchHttpLibrary();
  const pool = new DispatcherPool();
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
    const dispatcher = pool.pick(connectionIdentity(kubeConfig), context.getDispatcher());
    if (dispatcher) context.setDispatcher(dispatcher);
    const response = await http.send(context).toPromise();
    return { statusCode: response.httpStatusCode, body: parseBody(await response.body.text()) };
  };
}
