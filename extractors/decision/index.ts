// Decisions: the board's "Förslag till beslut"/protokollsutdrag and the §§ of its minutes.
export { extractDecision } from './extract.js';
export { findMinutesSections, type MinutesSection } from './minutes.js';
export { findSections, decisionSpan, type Section, type SectionKind } from './sections.js';
export { sameTitle } from './title.js';
