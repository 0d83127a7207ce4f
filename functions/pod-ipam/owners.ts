/**
 * Allocator owners. A Pod NIC is its IP object name, `<pod>.<namespace>[.<provider>]`; a reservation
 * (an address a VpcEgressGateway keeps for one replica) is `VpcEgressGateway/<ns>/<name>/<side>/<i>`.
 * The two never collide: object names have no `/`.
 */
export type GatewaySide = 'internal' | 'external';

export function reservationOwner(
  namespace: string,
  name: string,
  side: GatewaySide,
  replica: number,
): string {
  return `VpcEgressGateway/${namespace}/${name}/${side}/${replica}`;
}

export function isReservation(owner: string): boolean {
  return owner.startsWith('VpcEgressGateway/');
}

/** `VpcEgressGateway <ns>/<name>` for a reservation, `IP <name>` (the Pod NIC) otherwise. */
export function describeOwner(owner: string): string {
  const [kind, namespace, name] = owner.split('/');
  return kind === 'VpcEgressGateway' ? `VpcEgressGateway ${namespace}/${name}` : `IP ${owner.split('#')[0]}`;
}
