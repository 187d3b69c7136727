import {fileChangeStamp} from '../db/pending-upgrade.js';
import type {OpenOptions} from '../db/open-database.js';
import {type ConfigStore, openConfigStore} from './config-store.js';
import type {ChangeSource} from './write-context.js';

const rollBack = Symbol('roll back the trial');

/**
 * A store for a long session (the app) on a file that writing would first
 * upgrade (the Sanctum panel's, an older one): it browses an upgraded copy in
 * memory, and opens the file for writing (adopting it) only inside the first
 * write that changes something. A refused or empty write is tried on the copy
 * and rolled back, so browsing and quitting leave the file byte-identical.
 */
export function openAdoptingOnFirstWrite(path: string, options: OpenOptions & {readonly source?: ChangeSource}): ConfigStore {
  const openCopy = () => openConfigStore(path, {source: options.source, readOnly: true, copy: true});
  let copy = openCopy();
  let real: ConfigStore | undefined;
  // Until adopted, another program's commit is seen in the file itself: then the copy is read again.
  let stamp = fileChangeStamp(path);
  let reloads = 0;
  const current = () => real ?? copy;

  const adoptFor = <T>(work: () => T): T => {
    if (real) return real.writeTransaction(work);
    let result: T | undefined;
    let changed = false;
    try {
      copy.writeTransaction(() => {
        const before = copy.contentFingerprint();
        result = work();
        changed = copy.contentFingerprint() !== before;
        throw rollBack;
      });
    } catch (error) {
      if (error !== rollBack) throw error;
    }
    if (!changed) return result as T;
    real = openConfigStore(path, {source: options.source, busyTimeoutMs: options.busyTimeoutMs});
    copy.close();
    return real.writeTransaction(work);
  };

  return {
    path: copy.path,
    created: false,
    readOnly: false,
    get settings() {
      return current().settings;
    },
    get servers() {
      return current().servers;
    },
    get history() {
      return current().history;
    },
    get envNames() {
      return current().envNames;
    },
    get setup() {
      return current().setup;
    },
    get profiles() {
      return current().profiles;
    },
    externalVersion: () => {
      if (real) return real.externalVersion() + reloads;
      const now = fileChangeStamp(path);
      if (now !== stamp) {
        stamp = now;
        const fresh = openCopy();
        copy.close();
        copy = fresh;
        reloads += 1;
      }
      return reloads;
    },
    integrityCheck: () => current().integrityCheck(),
    recordedVersion: () => current().recordedVersion(),
    missingSchemaObjects: () => current().missingSchemaObjects(),
    foreignSchemaObjects: () => current().foreignSchemaObjects(),
    contentFingerprint: () => current().contentFingerprint(),
    transaction: adoptFor,
    writeTransaction: adoptFor,
    as: (source, work) => current().as(source, work),
    close: () => current().close(),
  };
}
