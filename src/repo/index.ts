export {openConfigStore, asConfigError, type ConfigStore} from './config-store.js';
export {SettingsRepo, encodeSettingValue, type Setting, type NewSetting} from './settings-repo.js';
export {addressParts, checkKey, checkServerAddress, parsePort, parseTimeout, timeoutRange, typesForCategory} from './rules.js';
export {describeServerUrl, serverBaseUrl} from './server-url.js';
export {applyFirstRun, type FirstRunAnswers} from './first-run.js';
export {ServersRepo, serverDefaults, validateServer, type Server, type ServerFields} from './servers-repo.js';
export {maskSecret, notSet} from './mask-secret.js';
export {categoryLabel, compareCategories} from './categories.js';
export {
  configTypes,
  type ConfigType,
  type TypedValue,
  isConfigType,
  decodeValue,
  displayValue,
  printable,
  quoted,
  hasControlCharacters,
} from './value-codec.js';
export {looksSecret} from './secret-keys.js';
export {type KnownSetting} from './catalogue.js';
export {formatEnvExport, envFormats, isEnvFormat, type EnvFormat} from './env-export.js';
export {HistoryRepo, describeTarget, describeValue, type HistoryEntry} from './history-repo.js';
export {type ChangeSource} from './write-context.js';
