import { isPlainObject } from '../json-value.js';
import type { GroupKind } from '../object.js';
import { groupVersionPath, type ResourceInfo } from './api-paths.js';

/** GET of a discovery document; resolves undefined on 404. */
export type DiscoveryFetch = (path: string) => Promise<unknown>;

export class UnknownKindError extends Error {
  constructor(
    readonly groupKind: GroupKind,
    detail: string,
  ) {
    super(`${groupKind} is not served by the API server: ${detail}`);
    this.name = 'UnknownKindError';
  }
}

interface GroupVersions {
  /** Versions in the order to try: the preferred one first, then the rest as the server lists them. */
  versions: string[];
}

/** Versions of each group from `/api` (core) and `/apis` (APIGroupList). */
export function groupVersionsFrom(coreVersions: unknown, groupList: unknown): Map<string, GroupVersions> {
  const groups = new Map<string, GroupVersions>();
  if (isPlainObject(coreVersions) && Array.isArray(coreVersions.versions)) {
    groups.set('', { versions: coreVersions.versions.filter((v): v is string => typeof v === 'string') });
  }
  if (isPlainObject(groupList) && Array.isArray(groupList.groups)) {
    for (const group of groupList.groups) {
      if (!isPlainObject(group) || typeof group.name !== 'string' || !Array.isArray(group.versions)) continue;
      const listed = group.versions
        .map((v) => (isPlainObject(v) && typeof v.version === 'string' ? v.version : undefined))
        .filter((v): v is string => v !== undefined);
      const preferred =
        isPlainObject(group.preferredVersion) && typeof group.preferredVersion.version === 'string'
          ? group.preferredVersion.version
          : undefined;
      const versions = preferred ? [preferred, ...listed.filter((v) => v !== preferred)] : listed;
      groups.set(group.name, { versions });
    }
  }
  return groups;
}

/** The resource of `kind` in an APIResourceList, skipping subresources such as `gateways/status`. */
export function resourceFrom(
  resourceList: unknown,
  group: string,
  version: string,
  kind: string,
): ResourceInfo | undefined {
  if (!isPlainObject(resourceList) || !Array.isArray(resourceList.resources)) return undefined;
  for (const resource of resourceList.resources) {
    if (!isPlainObject(resource) || resource.kind !== kind) continue;
    if (typeof resource.name !== 'string' || resource.name.includes('/')) continue;
    return { group, version, kind, plural: resource.name, namespaced: resource.namespaced === true };
  }
  return undefined;
}

function splitGroupKind(groupKind: GroupKind): { group: string; kind: string } {
  const slash = groupKind.lastIndexOf('/');
  return { group: groupKind.slice(0, slash), kind: groupKind.slice(slash + 1) };
}

/**
 * Maps kinds to their preferred served version, plural and scope, fetching discovery documents
 * lazily and caching them. A kind missing from the cached documents triggers one refresh (a CRD
 * may have been installed since).
 */
export class Discovery {
  private groups: Promise<Map<string, GroupVersions>> | undefined;
  private readonly resourceLists = new Map<string, Promise<unknown>>();

  constructor(private readonly fetch: DiscoveryFetch) {}

  /** The preferred served version of a kind: the group's preferred one if it has the kind. */
  async preferred(groupKind: GroupKind): Promise<ResourceInfo> {
    return (
      (await this.lookup(groupKind, undefined, false)) ?? (await this.lookupOrThrow(groupKind, undefined))
    );
  }

  /** The kind in one specific version (writes go to the version of the object written). */
  async inVersion(groupKind: GroupKind, version: string): Promise<ResourceInfo> {
    return (await this.lookup(groupKind, version, false)) ?? (await this.lookupOrThrow(groupKind, version));
  }

  private async lookupOrThrow(groupKind: GroupKind, version: string | undefined): Promise<ResourceInfo> {
    const found = await this.lookup(groupKind, version, true);
    if (found) return found;
    const { group } = splitGroupKind(groupKind);
    const groups = await this.groupVersions();
    const served = groups.get(group)?.versions;
    throw new UnknownKindError(
      groupKind,
      !served
        ? `group ${group || 'core'} is not served`
        : version
          ? `not in version ${version} (group versions: ${served.join(', ')})`
          : `no version of group ${group || 'core'} has it (versions: ${served.join(', ')})`,
    );
  }

  private async lookup(
    groupKind: GroupKind,
    version: string | undefined,
    refresh: boolean,
  ): Promise<ResourceInfo | undefined> {
    const { group, kind } = splitGroupKind(groupKind);
    if (refresh) {
      this.groups = undefined;
      this.resourceLists.clear();
    }
    const served = (await this.groupVersions()).get(group);
    if (!served) return undefined;
    const candidates = version ? served.versions.filter((v) => v === version) : served.versions;
    for (const candidate of candidates) {
      const found = resourceFrom(await this.resourceList(group, candidate), group, candidate, kind);
      if (found) return found;
    }
    return undefined;
  }

  private groupVersions(): Promise<Map<string, GroupVersions>> {
    if (!this.groups) {
      const loading = Promise.all([this.fetch('/api'), this.fetch('/apis')]).then(([core, groups]) =>
        groupVersionsFrom(core, groups),
      );
      // A failed fetch is not cached: the next lookup asks again.
      loading.catch(() => {
        if (this.groups === loading) this.groups = undefined;
      });
      this.groups = loading;
    }
    return this.groups;
  }

  private resourceList(group: string, version: string): Promise<unknown> {
    const path = groupVersionPath(group, version);
    let loading = this.resourceLists.get(path);
    if (!loading) {
      loading = this.fetch(path);
      const pending = loading;
      pending.catch(() => {
        if (this.resourceLists.get(path) === pending) this.resourceLists.delete(path);
      });
      this.resourceLists.set(path, loading);
    }
    return loading;
  }
}
