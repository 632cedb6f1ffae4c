// Shared parsers for Swedish grant texts: amounts, dates and periods, organisations and kommuner.
export { foldSwedish, foldKey, boundedDistance, editBudget } from './fold.js';
export { parseSwedishAmount, findAmounts, normaliseSpaces, type AmountMatch } from './amount.js';
export { parseSwedishDate, parseSwedishPeriod, findDates, findPeriods, type PeriodMatch } from './period.js';
export {
  canonicalOrganisation, canonicalMunicipality, matchOrganisation, findOrganisations, kommun, KOMMUNER,
  type Kommun, type OrganisationMatch, type OrganisationMention, type OrganisationKind,
} from './organisations.js';
export { findStaffing, type StaffingMention } from './staffing.js';
export { findSignatories, type SignatoryMention } from './people.js';
export { findParticipantsPerYear, findParticipantsTotal, perYear, type ParticipantsMention, type ParticipantsTotalMention } from './participants.js';
export { findGoals, type GoalMention } from './goals.js';
