// A catalogue label for a key that arrives as plain text (a database column, a file, an audit
// row's JSON): the catalogue's words when it has them, else the key as it came (never undefined).
export const labelOf = <K extends string>(labels: Readonly<Record<K, string>>, key: string): string => (Object.hasOwn(labels, key) ? labels[key as K] : key);
