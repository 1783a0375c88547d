/** The domain of a mail address, as written: everything after its last `@`. */
export const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1);
