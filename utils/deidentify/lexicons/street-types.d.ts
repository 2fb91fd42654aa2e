/** `street-types` ships no types: an array of USPS suffixes and their abbreviations. */
declare module 'street-types' {
  const types: Array<{ suffix: string; abbrs: string[]; standardAbbr: string }>;
  export default types;
}
