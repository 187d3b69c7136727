export {openConfigStore, asConfigError, type ConfigStore} from './config-store.js';
export {SettingsRepo, type Setting, type NewSetting} from './settings-repo.js';
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
} from './value-codec.js';
