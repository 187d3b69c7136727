#!/usr/bin/env bash
# How the local bootstrap writes ~/.letta/.env: sanctumos/installer
# kernel-installer/sanctum_bootstrap_local_letta.sh at 4f1de84, lines 65-89
# verbatim (AGPL-3.0: see LICENSE here). Run with HOME and the keys in the environment.
set -euo pipefail
LETTAPASS="${LETTAPASS:-yourpassword}"
mkdir -p ~/.letta
write_env_line() {
  local key="$1" val="${2:-}"
  if [[ -n "${val}" ]]; then
    echo "$key=$val"
  else
    echo "# $key="
  fi
}
# Env var names match letta/settings.py ModelSettings (pydantic-settings: field name -> UPPER_SNAKE_CASE)
{
  echo "# ~/.letta/.env — Venice AI compatible. Uncomment and set only the keys you use."
  echo "# Do not set dummy values; Letta can misbehave."
  echo ""
  write_env_line "OPENAI_API_KEY" "${OPENAI_API_KEY:-}"
  write_env_line "OPENAI_BASE_URL" "${OPENAI_BASE_URL:-}"
  write_env_line "ANTHROPIC_API_KEY" "${ANTHROPIC_API_KEY:-}"
  write_env_line "OLLAMA_BASE_URL" "${OLLAMA_BASE_URL:-}"
  write_env_line "VENICE_API_KEY" "${VENICE_API_KEY:-}"
  write_env_line "VENICE_BASE_URL" "${VENICE_BASE_URL:-}"
  write_env_line "VLLM_API_BASE" "${VLLM_API_BASE:-}"
  echo ""
  echo "# Server auth (required by bootstrap)"
  echo "LETTA_SERVER_PASSWORD=$LETTAPASS"
} > ~/.letta/.env
