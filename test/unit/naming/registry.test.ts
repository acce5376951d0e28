import { describe, expect, it } from "vitest";
import { NameClashError, NameRegistry, toIdentifier } from "../../../generator/naming/registry.ts";

describe("NameRegistry", () => {
  it("gives the first free candidate and never the same name twice", () => {
    const registry = new NameRegistry();
    expect(registry.claim(["Droplet"], "a")).toBe("Droplet");
    expect(registry.claim(["Droplet", "ActionDroplet"], "b")).toBe("ActionDroplet");
  });

  it("skips reserved words, globals and names reserved by the caller", () => {
    const registry = new NameRegistry(["Client"]);
    expect(registry.claim(["delete", "deleteOperation"], "a")).toBe("deleteOperation");
    expect(registry.claim(["Promise", "PromiseModel"], "b")).toBe("PromiseModel");
    expect(registry.claim(["then", "thenGet"], "an operation named then")).toBe("thenGet");
    expect(registry.claim(["Client", "ClientModel"], "c")).toBe("ClientModel");
  });

  it("allows reserved words as member names", () => {
    expect(new NameRegistry([], "member").claim(["delete"], "tags_delete")).toBe("delete");
  });

  it("makes identifiers valid: digits get a prefix, other characters go", () => {
    expect(toIdentifier("1-clicks", "op")).toBe("op1clicks");
    expect(toIdentifier("a b/c")).toBe("abc");
    expect(new NameRegistry().claim(["2fa"], "x", "op")).toBe("op2fa");
  });

  it("fails clearly, naming the owner, when every candidate is taken", () => {
    const registry = new NameRegistry(["A"]);
    expect(() => registry.claim(["A"], "#/paths/x")).toThrow(NameClashError);
    expect(() => registry.claim(["A"], "#/paths/x")).toThrow(/#\/paths\/x.*model-names\.json/);
  });
});
