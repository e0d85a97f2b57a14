// Validates Kubernetes objects against the Kubernetes API's OpenAPI schemas, as compiled into the kubernetes-models
// package (ajv validators generated from the API's swagger). Reads one JSON array of objects on stdin (YAML is turned
// into JSON by the caller, KubernetesSchemaTest), prints one line per object, exits 1 when any is invalid.
//
//   npm ci --prefix deploy/check             (once; .ci/run does it)
//   node deploy/check/validate-kubernetes.mjs < manifests.json
//
// kubernetes-models checks types, required fields, enums and formats; it does not reject unknown fields (the
// Kubernetes schemas allow them), which DeployManifestsTest does with the fabric8 model.
import { readFileSync } from "node:fs";

const objects = JSON.parse(readFileSync(0, "utf8"));
let invalid = 0;
for (const object of objects) {
  const apiVersion = String(object.apiVersion ?? "");
  const kind = String(object.kind ?? "");
  const name = `${apiVersion} ${kind}/${object.metadata?.name ?? "?"}`;
  if (!/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    console.log(`invalid ${name}: apiVersion and kind must name a Kubernetes type`);
    invalid++;
    continue;
  }
  let model;
  try {
    model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
  } catch {
    model = undefined;
  }
  if (typeof model !== "function") {
    console.log(`invalid ${name}: no such type in the Kubernetes API`);
    invalid++;
    continue;
  }
  try {
    new model(object).validate();
    console.log(`valid ${name}`);
  } catch (e) {
    invalid++;
    for (const error of e.errors ?? [{ instancePath: "", message: e.message }]) {
      console.log(`invalid ${name}: ${error.instancePath || "/"} ${error.message}`);
    }
  }
}
process.exit(invalid === 0 ? 0 : 1);
