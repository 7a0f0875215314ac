// Types for make-lexicons.mjs, so that the tests written in TypeScript can import it.
export declare const compoundMinLength: number;
export declare const compoundPartMin: number;
export declare const linkers: string[];
export declare function dutchWords(aff: string, dic: string): Set<string>;
export declare function splitsIntoWords(word: string, has: (w: string) => boolean): boolean;
export declare function frontCode(words: readonly string[]): string;
export declare function makeLexicons(): Record<string, unknown>;
export declare function serialise(value: unknown): string;
