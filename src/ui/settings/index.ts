export {SettingsPanel} from './settings-panel.js';
