/**
 * The part of OVN_IC_Southbound 1.1.1 (Debian's ovn-ic-db 23.03) the cleanup reads, written out so
 * unit tests need no installed package, and variants of it the planner must also handle.
 */
import { parseSchema } from '../../../shared/ovsdb/schema.js';

type Json = Record<string, unknown>;

const stringMap = { key: 'string', value: 'string', min: 0, max: 'unlimited' };
const zoneRef = { key: { type: 'uuid', refTable: 'Availability_Zone' } };

export function icSouthboundJson(): Json {
  return {
    name: 'OVN_IC_Southbound',
    version: '1.1.1',
    tables: {
      IC_SB_Global: { columns: { external_ids: { type: stringMap } }, maxRows: 1, isRoot: true },
      Availability_Zone: { columns: { name: { type: 'string' } }, isRoot: true, indexes: [['name']] },
      Gateway: {
        columns: {
          name: { type: 'string' },
          availability_zone: { type: zoneRef },
          hostname: { type: 'string' },
          encaps: { type: { key: { type: 'uuid', refTable: 'Encap' }, min: 1, max: 'unlimited' } },
          external_ids: { type: stringMap },
        },
        isRoot: true,
        indexes: [['name']],
      },
      Encap: {
        columns: {
          type: { type: { key: { type: 'string', enum: ['set', ['geneve', 'stt', 'vxlan']] } } },
          options: { type: stringMap },
          ip: { type: 'string' },
          gateway_name: { type: 'string' },
        },
        indexes: [['type', 'ip']],
      },
      Route: {
        columns: {
          transit_switch: { type: 'string' },
          availability_zone: { type: zoneRef },
          route_table: { type: 'string' },
          ip_prefix: { type: 'string' },
          nexthop: { type: 'string' },
          origin: { type: { key: { type: 'string', enum: ['set', ['connected', 'static']] } } },
          external_ids: { type: stringMap },
        },
        isRoot: true,
      },
      Port_Binding: {
        columns: {
          logical_port: { type: 'string' },
          transit_switch: { type: 'string' },
          availability_zone: { type: zoneRef },
          tunnel_key: { type: { key: { type: 'integer', minInteger: 1, maxInteger: 32767 } } },
          gateway: { type: 'string' },
          encap: { type: { key: { type: 'uuid', refTable: 'Encap', refType: 'weak' }, min: 0, max: 1 } },
          address: { type: 'string' },
          external_ids: { type: stringMap },
        },
        isRoot: true,
        indexes: [['transit_switch', 'tunnel_key'], ['logical_port']],
      },
    },
  };
}

export const icSouthbound = () => parseSchema(icSouthboundJson());

type Tables = Record<string, Json>;

/** The same schema with tables changed or added. */
export function icSouthboundWith(change: (tables: Tables) => void) {
  const json = icSouthboundJson();
  change(json.tables as Tables);
  return parseSchema(json);
}
