# SMCP's reader of ~/.letta/.env, copied verbatim from sanctumos/smcp
# (smcp.py, commit 895f188, "Release 3.1.0"), AGPL-3.0: see LICENSE here.
# Only the function is copied; the lines after it run it and print what it
# set, for sanctum-config's tests (test/helpers/env-readers.ts).
import json
import logging
import os
from pathlib import Path

logger = logging.getLogger(__name__)


def _load_letta_dotenv() -> None:
    """
    If LETTA_SERVER_URL or LETTA_SERVER_PASSWORD are not already set, try to load them
    from ~/.letta/.env (same file Letta uses on the server). Sets default LETTA_SERVER_URL
    to http://127.0.0.1:8284 when we have password but no URL.
    """
    want = {"LETTA_SERVER_URL", "LETTA_SERVER_PASSWORD", "LETTA_API_KEY"}
    if all(os.getenv(k) for k in ("LETTA_SERVER_URL", "LETTA_SERVER_PASSWORD")):
        return
    if os.getenv("LETTA_SERVER_PASSWORD") or os.getenv("LETTA_API_KEY"):
        if os.getenv("LETTA_SERVER_URL"):
            return
    env_file = Path(os.path.expanduser("~")) / ".letta" / ".env"
    if not env_file.is_file():
        return
    try:
        for line in env_file.read_text().splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if not line.startswith("export "):
                continue
            rest = line[7:].strip()
            if "=" not in rest:
                continue
            key, _, value = rest.partition("=")
            key = key.strip()
            if key not in want or key in os.environ:
                continue
            value = value.strip().strip('"').strip("'")
            os.environ[key] = value
        if (os.getenv("LETTA_SERVER_PASSWORD") or os.getenv("LETTA_API_KEY")) and not os.getenv("LETTA_SERVER_URL"):
            os.environ["LETTA_SERVER_URL"] = "http://127.0.0.1:8284"
    except Exception as e:
        logger.debug(f"Could not load ~/.letta/.env: {e}")


if __name__ == "__main__":
    for name in ("LETTA_SERVER_URL", "LETTA_SERVER_PASSWORD", "LETTA_API_KEY"):
        os.environ.pop(name, None)
    _load_letta_dotenv()
    print(json.dumps({k: os.environ[k] for k in ("LETTA_SERVER_URL", "LETTA_SERVER_PASSWORD", "LETTA_API_KEY") if k in os.environ}))
