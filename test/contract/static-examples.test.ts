// Every operation through the SDK against Prism's static responses (the
// spec's examples): the documented 2xx comes back and parses as promised.
import { defineOperationSuite } from "./support/operation-suite.ts";

defineOperationSuite({ name: "static", headers: {} });
