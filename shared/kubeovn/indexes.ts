import { rangeIndex } from '../kube/model/indexes.js';
import { SUBNET } from '../kube/schemas/kubeovn.js';
import { subnetRanges } from './subnet.js';

/** Subnets by the address ranges of their CIDR blocks: overlap queries in O(log n). */
export const SUBNET_CIDR_INDEX = 'cidr';

export const subnetCidrIndex = rangeIndex(SUBNET, SUBNET_CIDR_INDEX, subnetRanges);
