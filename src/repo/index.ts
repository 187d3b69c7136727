export {openConfigStore, asConfigError, type ConfigStore} from './config-store.js';
export {SettingsRepo, encodeSettingValue, type Setting, type NewSetting} from './settings-repo.js';
export {checkKey, checkServerAddress, parsePort, parseTimeout} from './rules.js';
export {serverBaseUrl} from './server-url.js';
export {applyFirstRun, type FirstRunAnswers} from './first-run.js';
export {ServersRepo, validateServer, type Server, type ServerFields} from './servers-repo.js';
export {maskSecret, secretMask, notSet} from './mask-secret.js';
export {categoryLabel, compareCategories} from './categories.js';
export {
  configTypes,
  type ConfigType,
  type TypedValue,
  isConfigType,
  decodeValue,
  displayValue,
  printable,
  hasControlCharacters,
} from './value-codec.js';
