// The baseline: a project with the same compiler settings and no SDK at all.
// What the others cost is measured above this (lib and @types/node checking).
export {};
