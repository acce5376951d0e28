// Operations and client settings shared by the runtime tests, shaped like the
// generated code's calls.
import { Client, type ClientOptions, type Operation, serverTarget } from "../../templates/runtime/index.ts";
import type { TestServer } from "./server.ts";

export const TOKEN = "dop_v1_secret_token_never_shown";
/** A serverless-inference model access key, and the inference host, as DigitalOcean's spec names it. */
export const MODEL_KEY = "mak_secret_model_access_key";
export const INFERENCE = "https://inference.do-ai.run";

/** A chat completion: on the inference server, with the model access key. */
export const inferenceChat: Operation = {
  method: "POST",
  path: "/v1/chat/completions",
  body: "fields",
  fields: ["model", "messages"],
  server: { url: INFERENCE },
  target: serverTarget,
  auth: "modelAccessKey",
};

export const ops = {
  getImage: { method: "GET", path: "/v2/images/{image_id}" },
  listDroplets: {
    method: "GET",
    path: "/v2/droplets",
    query: ["per_page", "page", "tag_name", "name", "type"],
    items: "droplets",
  },
  deleteTag: { method: "DELETE", path: "/v2/tags/{tag_id}", response: "none" },
  createFirewall: { method: "POST", path: "/v2/firewalls", body: "fields" },
  dangerousDelete: {
    method: "DELETE",
    path: "/v2/droplets/{droplet_id}/destroy_with_associated_resources/dangerous",
    headers: { "X-Dangerous": "X-Dangerous" },
    response: "none",
  },
  kubeconfig: {
    method: "GET",
    path: "/v2/kubernetes/clusters/{cluster_id}/kubeconfig",
    query: ["expiry_seconds"],
    accept: "application/yaml",
    response: "text",
  },
  invoicePdf: {
    method: "GET",
    path: "/v2/customers/my/invoices/{invoice_uuid}/pdf",
    accept: "application/pdf",
    response: "binary",
  },
  invoiceCsv: {
    method: "GET",
    path: "/v2/customers/my/invoices/{invoice_uuid}/csv",
    accept: "text/csv",
    response: "text",
  },
} satisfies Record<string, Operation>;

/** An operation of the given method on a fixed path, for the retry tables. */
export const opFor = (method: Operation["method"]): Operation => ({
  method,
  path: "/v2/things",
  ...(method === "POST" || method === "PATCH" || method === "PUT" ? { body: "fields" } : {}),
});

export const clientFor = (server: TestServer, options: ClientOptions = {}) =>
  new Client({ token: TOKEN, baseUrl: server.url, ...options });
