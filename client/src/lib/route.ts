// The reader's routes are read the same way by the server, which renders the first view into the
// page: the rules live in shared/src/route.ts.
export {
  formatRoute,
  hasFilters,
  isTimelinePath,
  latest,
  noFilters,
  parseRoute,
  sameFilters,
  sameTarget,
  type Filters,
  type Route,
  type Target,
} from '@dayline/shared';
