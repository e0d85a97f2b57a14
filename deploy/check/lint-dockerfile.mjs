// Lints a Dockerfile with dockerfile-utils (the linter behind the Dockerfile language server that editors use):
// unknown or malformed instructions, missing arguments, bad flags, duplicate stage names, deprecated instructions.
// Prints one line per problem (file:line: message) and exits 1 when there is any. The project's own rules (pinned
// base image, numeric non-root user, exec-form entrypoint, no ADD, no secrets, in step with Jib) are in DockerfileTest.
//
//   npm ci --prefix deploy/check             (once; .ci/run does it)
//   node deploy/check/lint-dockerfile.mjs deploy/Dockerfile
import { readFileSync } from "node:fs";
import { validate } from "dockerfile-utils";

let problems = 0;
for (const path of process.argv.slice(2)) {
  for (const diagnostic of validate(readFileSync(path, "utf8"))) {
    // severity 1 = error, 2 = warning (e.g. a deprecated instruction): both fail the check
    console.log(`${path}:${diagnostic.range.start.line + 1}: ${diagnostic.message} (dockerfile-utils ${diagnostic.code})`);
    problems++;
  }
}
console.log(`${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
