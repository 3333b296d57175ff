/** Values a coded message names, by parameter name (a leaf module: messages' codes import it without a cycle). */
export type MessageParams = Readonly<Record<string, string | number>>;
