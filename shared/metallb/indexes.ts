import { rangeIndex } from '../kube/model/indexes.js';
import { IP_ADDRESS_POOL } from '../kube/schemas/metallb.js';
import { poolRanges } from './pool-addresses.js';

/** IPAddressPools by the ranges of their addresses (the admission rules of several families ask it). */
export const POOL_ADDRESS_INDEX = 'addresses';

export const poolRangeIndex = rangeIndex(IP_ADDRESS_POOL, POOL_ADDRESS_INDEX, poolRanges);
