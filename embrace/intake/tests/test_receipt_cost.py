"""Receipts are stretched with Argon2id at no less than 64 MiB, in the configuration a deployment runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def _production_settings(tmp_path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "EMBRACE_", "DJANGO_"))}
    clean.update(EMBRACE_DATA_DIR=str(tmp_path), **env)
    code = (
        "import json, django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'embrace.settings'; django.setup();"
        "from django.conf import settings as s;"
        "print(json.dumps([s.TESTING, s.RECEIPT_MEMLIMIT, s.RECEIPT_OPSLIMIT]))"
    )
    return subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True, timeout=60)


def test_deployed_receipt_stretching_uses_at_least_64_mib(tmp_path) -> None:
    result = _production_settings(tmp_path)
    assert result.returncode == 0, result.stderr
    testing, memlimit, opslimit = json.loads(result.stdout)
    assert testing is False
    assert memlimit >= 64 * 1024 * 1024
    assert opslimit >= 1


@pytest.mark.parametrize("memlimit", [str(32 * 1024 * 1024), "lots"])
def test_a_weaker_receipt_cost_refuses_to_start(tmp_path, memlimit: str) -> None:
    result = _production_settings(tmp_path, EMBRACE_RECEIPT_MEMLIMIT=memlimit)
    assert result.returncode != 0
    assert "EMBRACE_RECEIPT_MEMLIMIT" in result.stderr
