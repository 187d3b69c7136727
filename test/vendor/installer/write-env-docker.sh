#!/usr/bin/env bash
# How the Docker bootstrap writes ~/.letta/.env: sanctumos/installer
# kernel-installer/sanctum_bootstrap.sh at 4f1de84, lines 61-66 verbatim
# (AGPL-3.0: see LICENSE here). Run with HOME and the keys in the environment.
set -euo pipefail
mkdir -p ~/.letta
cat > ~/.letta/.env <<EOF
OPENAI_API_KEY="$OPENAI_API_KEY"
ANTHROPIC_API_KEY="$ANTHROPIC_API_KEY"
OLLAMA_BASE_URL="$OLLAMA_BASE_URL"
LETTA_SERVER_PASSWORD="$LETTAPASS"
EOF
