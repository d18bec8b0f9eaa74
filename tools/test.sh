#!/usr/bin/env bash
# The whole test suite (README's test command, run by .ci/run on a clean clone): build, lint, format,
# then the unit and integration tests against real PostgreSQL, Apache Kafka and dcmtk, then ml/ tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v storescu >/dev/null 2>&1 || need_apt+=(dcmtk)
command -v dciodvfy >/dev/null 2>&1 || need_apt+=(dicom3tools)
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || need_apt+=(maven)
# The dashboard's browser tests drive Debian's Chromium (Playwright's own download cannot run here).
[[ -x /usr/bin/chromium ]] || need_apt+=(chromium fonts-dejavu-core)
command -v docker-compose >/dev/null 2>&1 || docker compose version >/dev/null 2>&1 || need_apt+=(docker-compose)
if ((${#need_apt[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "test: needs ${need_apt[*]} (sudo apt-get install ...)" >&2
    exit 1
  fi
  echo "test: installing ${need_apt[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

npm run build
npm run lint
npm run format:check

export SPINEQC_TEST_POSTGRES_URL=${SPINEQC_TEST_POSTGRES_URL:-$(tools/postgres.sh)}
if [[ ! $SPINEQC_TEST_POSTGRES_URL =~ ^postgres(ql)?://[^[:space:]]+$ ]]; then
  echo "test: SPINEQC_TEST_POSTGRES_URL is not a postgresql:// URL: '$SPINEQC_TEST_POSTGRES_URL'" >&2
  exit 1
fi
if [[ -z ${SPINEQC_TEST_KAFKA_BROKERS:-} ]]; then
  # A broker this run starts is stopped when it ends; one already running is left alone.
  if ! tools/kafka.sh status >/dev/null 2>&1; then trap 'tools/kafka.sh stop >/dev/null 2>&1 || true' EXIT; fi
  SPINEQC_TEST_KAFKA_BROKERS=$(tools/kafka.sh start | tail -n 1)
  export SPINEQC_TEST_KAFKA_BROKERS
fi
echo "test: PostgreSQL $SPINEQC_TEST_POSTGRES_URL, Kafka $SPINEQC_TEST_KAFKA_BROKERS" >&2

npx vitest run
npm run test:ml
