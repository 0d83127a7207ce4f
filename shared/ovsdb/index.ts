/** An OVSDB (RFC 7047) client: connect with OvsdbClient.connect, then transact and monitor with typed rows. */
export {
  type ChangeHandler,
  type Monitor,
  type MonitorCondRequest,
  type MonitorRequest,
  type OperationResult,
  OvsdbClient,
  type OvsdbClientOptions,
} from './client.js';
export {
  type Atom,
  type Datum,
  NamedUuid,
  OvsdbMap,
  OvsdbSet,
  stringMap,
  Uuid,
  uuidSet,
} from './datum.js';
export {
  OvsdbCanceledError,
  OvsdbConnectionError,
  OvsdbDataError,
  OvsdbError,
  OvsdbProtocolError,
  OvsdbRpcError,
  OvsdbTimeoutError,
  OvsdbTransactionError,
} from './errors.js';
export { byUuid, type Condition, type Mutation, type Operation } from './operations.js';
export { parseRemotes, type Remote, RemoteSyntaxError, type TlsFiles } from './remote.js';
export { Row } from './row.js';
export {
  type ColumnReference,
  type ColumnSchema,
  type ColumnType,
  type DatabaseSchema,
  parseSchema,
  referencesTo,
  type TableSchema,
} from './schema.js';
export type { RowChange, RowChangeKind } from './updates.js';
