export {openConfigStore, asConfigError, type ConfigStore} from './config-store.js';
export type {Setting} from './settings-repo.js';
export {checkServerAddress, parsePort, typesForCategory} from './rules.js';
export {describeServerUrl, serverBaseUrl} from './server-url.js';
export {applyFirstRun, type FirstRunAnswers} from './first-run.js';
export {validateServer, type Server} from './servers-repo.js';
export {
  secretServerFields,
  proposedServer,
  serverFieldLabels,
  serverFields,
  type SecretServerField,
  type ServerFieldName,
  type ServerFields,
} from './server-fields.js';
export {hidesValue, maskSecret, notSet} from './mask-secret.js';
export {isoTime} from './iso-time.js';
export {categoryLabel} from './categories.js';
export {type ConfigType, decodeValue, displayValue, isConfigType, settingType, typeNames} from './setting-types.js';
export {hasControlCharacters, printable, quoted} from './value-codec.js';
export {looksSecret} from './secret-keys.js';
export {describeChange, describeTarget, describeValue, describeWho, hasOldAndNew, type HistoryEntry} from './history-repo.js';
