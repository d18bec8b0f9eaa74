#!/usr/bin/env bash
# Runs a real DICOMweb client (dicomweb-client, from PyPI, in its own venv under .cache/) to store
# files with STOW-RS:  tools/dicomweb-client.sh http://localhost:8080/dicomweb FILE...
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
venv="$repo/.cache/dicomweb-client"
requirements="$repo/tools/dicomweb-client/requirements.txt"
if [[ ! -x $venv/bin/python ]] || ! cmp -s "$requirements" "$venv/.requirements"; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements" >&2
  cp "$requirements" "$venv/.requirements"
fi
exec "$venv/bin/python" "$repo/tools/dicomweb-client/stow.py" "$@"
