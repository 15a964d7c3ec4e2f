export { foldFullWidth, isTrimmedCode, toComparableText } from './text.normalise.js';
