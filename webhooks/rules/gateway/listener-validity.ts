import { type ListenerOwnerObject, listenersOf, tlsMode } from '../../../shared/gateway/listeners.js';
import { GATEWAY, LISTENER_SET } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { deny } from '../findings.js';
import type { ValidationRule } from '../types.js';

const RULE = 'gateway/listener-validity';
const PLATFORM_PROTOCOLS = ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'];

/**
 * Platform rules on single listeners beyond the upstream schema: only the five protocols the
 * platform serves; an HTTPS listener must select a certificate (tls.options alone is not enough);
 * a TLS Terminate listener needs certificates and a Passthrough one takes none.
 */
export const listenerValidity: ValidationRule<ListenerOwnerObject> = {
  id: RULE,
  kinds: [GATEWAY, LISTENER_SET],
  reasons: ['UnsupportedProtocol', 'InvalidCertificateRef', 'InvalidTLSConfig'],
  guide: '配置 GatewayAPI Gateway',
  check({ object }) {
    return listenersOf(object).flatMap(({ index, listener }) => {
      const field = `spec.listeners[${index}]`;
      if (!PLATFORM_PROTOCOLS.includes(listener.protocol)) {
        return [
          deny(
            RULE,
            `${field}.protocol`,
            `protocol "${listener.protocol}" is not served by the platform (HTTP, HTTPS, TLS, TCP, UDP)`,
            'UnsupportedProtocol',
          ),
        ];
      }
      const refs = listener.tls?.certificateRefs?.length ?? 0;
      if (listener.protocol === 'HTTPS' && refs === 0) {
        return [
          deny(
            RULE,
            `${field}.tls.certificateRefs`,
            'an HTTPS listener must select a certificate',
            'InvalidCertificateRef',
          ),
        ];
      }
      if (listener.protocol === 'TLS' && listener.tls) {
        const mode = tlsMode(listener);
        if (mode === 'Terminate' && refs === 0)
          return [
            deny(
              RULE,
              `${field}.tls.certificateRefs`,
              'a TLS listener in Terminate mode must select a certificate',
              'InvalidCertificateRef',
            ),
          ];
        if (mode === 'Passthrough' && refs > 0)
          return [
            deny(
              RULE,
              `${field}.tls.certificateRefs`,
              'a TLS listener in Passthrough mode does not terminate TLS and takes no certificates',
              'InvalidTLSConfig',
            ),
          ];
      }
      return [];
    });
  },
};
