/** Seller-side order management strings. */
export default {} as const;
