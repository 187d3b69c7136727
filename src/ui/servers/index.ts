export {ServersPanel} from './servers-panel.js';
