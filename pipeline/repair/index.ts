export { damageText, type DamageMode } from './damage.js';
export { fold, hasDiacritic } from './fold.js';
export { loadRepairer } from './load.js';
export { repairPages } from './stage.js';
export { SwedishRepairer, applyCase, defaultTuning, type RepairResult, type Repairer, type RepairTuning } from './repairer.js';
