// Scaffold: replaced by the package's real entry point.
export {};
