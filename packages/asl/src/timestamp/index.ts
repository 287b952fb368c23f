export { compareInstants, type Instant, instantToMillis, isTimestamp, parseTimestamp } from './timestamp';
