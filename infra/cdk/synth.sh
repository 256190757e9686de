#!/usr/bin/env bash
# Synthesizes every stack offline with the pinned CDK CLI (package-lock.json) and writes the
# templates to infra/cdk/cdk.out. Needs the app and the service jars built first, e.g. `./mvnw verify`
# or `./mvnw -B -pl infra/cdk,functions/queue,... -am package`. Extra arguments go to `cdk synth`.
set -euo pipefail
cd "$(dirname "$0")"

# jsii (the CDK's Java-to-Node bridge) prints a banner on Node 20 on every start.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export CDK_DISABLE_CLI_TELEMETRY=true

npm ci --no-audit --no-fund --loglevel=error
npx cdk synth -c stage=dev --quiet --no-notices "$@"
echo "cdk synth: templates in $(pwd)/cdk.out:"
ls cdk.out/*.template.json
