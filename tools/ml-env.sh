#!/usr/bin/env bash
# Prepares ml/.venv: Debian's PyTorch (python3-torch) seen through --system-site-packages, plus the
# pinned tools from PyPI. Installs the Debian packages first when they are missing and we are root
# (CI and fresh machines); otherwise says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
DEBIAN_PACKAGES=(python3-torch python3-numpy python3-pil python3-matplotlib python3-venv)

if ! "$PY" -c 'import torch, numpy, PIL, matplotlib, venv' >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "ml-env: installing ${DEBIAN_PACKAGES[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${DEBIAN_PACKAGES[@]}" >/dev/null
  else
    echo "ml-env: needs ${DEBIAN_PACKAGES[*]} (sudo apt-get install ...)" >&2
    exit 1
  fi
fi

stamp=ml/.venv/.requirements
if [[ ! -x ml/.venv/bin/python ]] || ! cmp -s ml/requirements-dev.txt "$stamp"; then
  "$PY" -m venv --system-site-packages ml/.venv
  ml/.venv/bin/pip install -q --disable-pip-version-check -r ml/requirements-dev.txt
  cp ml/requirements-dev.txt "$stamp"
fi
