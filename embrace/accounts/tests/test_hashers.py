from __future__ import annotations

import json
import os
import subprocess
import sys

from django.contrib.auth.hashers import make_password

from embrace.accounts.hashers import EmbraceArgon2PasswordHasher


def test_deployed_password_hasher_costs_what_the_vault_unwrap_costs(tmp_path) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "EMBRACE_", "DJANGO_"))}
    clean["EMBRACE_DATA_DIR"] = str(tmp_path)
    code = (
        "import json, os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'embrace.settings'; django.setup();"
        "from django.conf import settings as s;"
        "print(json.dumps([s.PASSWORD_HASHERS, s.VAULT_PASSWORD_MEMLIMIT]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, timeout=60
    )
    hashers, vault_memlimit = json.loads(result.stdout)
    assert hashers == ["embrace.accounts.hashers.EmbraceArgon2PasswordHasher"]
    assert EmbraceArgon2PasswordHasher.memory_cost * 1024 == vault_memlimit


def test_hashes_keep_the_argon2_format_so_existing_ones_stay_valid() -> None:
    encoded = make_password("a long passphrase here", hasher="argon2")
    assert encoded.startswith("argon2$argon2id$")
