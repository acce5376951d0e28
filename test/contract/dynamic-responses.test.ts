// Every operation again with `Prefer: dynamic=true`: Prism generates bodies
// from the schemas instead of replaying examples, so the parsing and the
// response types are checked against values the examples never show.
import { defineOperationSuite } from "./support/operation-suite.ts";

defineOperationSuite({ name: "dynamic", headers: { Prefer: "dynamic=true" } });
