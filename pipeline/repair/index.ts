export { damageText, type DamageMode } from './damage.js';
