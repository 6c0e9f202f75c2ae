declare module 'american-english' {
  /** British → American spelling pairs (a 1,738-word list); `toUS` returns 'word_not_found' for others. */
  const spelling: {
    hasUSDifference(word: string): boolean;
    toUS(word: string): string;
  };
  export default spelling;
}
