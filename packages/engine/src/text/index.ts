export { findJsonSyntaxError, lineAndColumnAt } from './json-syntax.js';
export { foldFullWidth, isTrimmedCode, toComparableText } from './text.normalise.js';
