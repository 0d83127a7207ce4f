import type { GatewayRef } from './gateway-choice.js';
import * as names from './names.js';

/** How report items name the objects a Route goes to (`HTTPRoute demo/web`). */
export class Targets {
  constructor(
    readonly namespace: string,
    readonly route: string,
    readonly gatewayRef?: GatewayRef,
  ) {}

  private of(kind: string, name: string, namespace = this.namespace): string {
    return `${kind} ${namespace}/${name}`;
  }

  get httpRoute(): string {
    return this.of('HTTPRoute', names.httpRouteName(this.route));
  }
  get redirectRoute(): string {
    return this.of('HTTPRoute', names.redirectRouteName(this.route));
  }
  get tlsRoute(): string {
    return this.of('TLSRoute', names.tlsRouteName(this.route));
  }
  get secret(): string {
    return this.of('Secret', names.certificateSecretName(this.route));
  }
  get destinationCa(): string {
    return this.of('ConfigMap', names.destinationCaName(this.route));
  }
  get backendTlsPolicy(): string {
    return this.of('BackendTLSPolicy', names.backendTlsPolicyName(this.route));
  }
  get trafficPolicy(): string {
    return this.of('BackendTrafficPolicy', names.trafficPolicyName(this.route));
  }
  get securityPolicy(): string {
    return this.of('SecurityPolicy', names.securityPolicyName(this.route));
  }
  get connectionLimit(): string {
    const gateway = this.gatewayRef;
    return gateway
      ? this.of('ClientTrafficPolicy', names.connectionLimitPolicyName(gateway.name), gateway.namespace)
      : 'the ClientTrafficPolicy of the Gateway';
  }
  get gateway(): string {
    return this.gatewayRef
      ? this.of('Gateway', this.gatewayRef.name, this.gatewayRef.namespace)
      : 'the Gateway';
  }
}
