import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { ALIVE_KEY } from '../shared/keepalived/configmap.js';
import { HOST_FILE_NAMES, type HostFileFormat, hostFileFrom } from '../shared/keepalived/host-file.js';
import { type FileCheck, replaceFileAtomically } from './atomic-file.js';
import { findKeepalived, runConfigTest } from './keepalived-config-test.js';
import type { ConfigMapState } from './keepalived-sync-follow.js';

/** What became of one state of the ConfigMap. */
export type SyncOutcome = 'changed' | 'unchanged' | 'refused' | 'failed';

export interface HostFileWriterOptions {
  dir: string;
  format: HostFileFormat;
  /** keepalived.conf for the LB host with these addresses. */
  host?: readonly string[];
  logger: Logger;
}

async function currentContent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes the host's file from each state of the ConfigMap: only when the content changed, always
 * atomically, and never when the new content fails its checks (the previous file stays). A
 * keepalived.conf also passes `keepalived --config-test` when this host has keepalived. Every
 * decision is logged with its reason.
 */
export class HostFileWriter {
  readonly target: string;
  private readonly check: FileCheck | undefined;

  constructor(private readonly options: HostFileWriterOptions) {
    this.target = path.join(options.dir, HOST_FILE_NAMES[options.format]);
    this.check = options.format === 'keepalived.conf' ? this.configTest() : undefined;
  }

  private configTest(): FileCheck | undefined {
    const binary = findKeepalived();
    const { logger } = this.options;
    if (!binary) {
      logger.warn('keepalived is not installed here: keepalived.conf is written without its --config-test');
      return undefined;
    }
    logger.info(
      { keepalived: binary },
      'each keepalived.conf is checked with keepalived --config-test first',
    );
    return async (file) => {
      const result = await runConfigTest(binary, file);
      if (result.status === 0) return [];
      const said = result.output.replaceAll(file, this.target).trim();
      return [`keepalived --config-test exited ${result.status}: ${said}`];
    };
  }

  async write(state: ConfigMapState): Promise<SyncOutcome> {
    const { logger, format, host } = this.options;
    const context = {
      file: this.target,
      kubeconfig: state.from,
      configMapVersion: state.configMap?.metadata.resourceVersion,
    };
    const data = state.configMap?.['data'] as Record<string, string> | undefined;
    const hostFile = state.configMap
      ? hostFileFrom(data?.[ALIVE_KEY], format, host)
      : { refused: ['the ConfigMap does not exist'] };
    if ('refused' in hostFile) {
      logger.error(
        { ...context, outcome: 'refused', reasons: hostFile.refused },
        'refused; the previous file is kept',
      );
      return 'refused';
    }
    let result: Awaited<ReturnType<typeof replaceFileAtomically>>;
    try {
      if ((await currentContent(this.target)) === hostFile.content) {
        logger.info({ ...context, outcome: 'unchanged' }, 'unchanged; not written');
        return 'unchanged';
      }
      result = await replaceFileAtomically(this.target, hostFile.content, this.check);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger.error(
        { ...context, outcome: 'failed', reason },
        'could not be written; the previous file is kept',
      );
      return 'failed';
    }
    if (!result.replaced) {
      logger.error(
        { ...context, outcome: 'refused', reasons: result.refused },
        'refused; the previous file is kept',
      );
      return 'refused';
    }
    logger.info(
      { ...context, outcome: 'changed', bytes: Buffer.byteLength(hostFile.content) },
      'changed; written',
    );
    return 'changed';
  }
}
