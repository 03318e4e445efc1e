"""`embrace audit`: check the chain (optionally against signed anchors an auditor kept), sign an anchor now,
print the anchor public key.

It lives in core rather than in the audit app because anchors are signed by the vault, a floor above audit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from embrace.audit.log import Verdict, verify_chain
from embrace.vault import anchors


class Command(BaseCommand):
    help = (
        "Audit log tools. `audit verify [--anchors FILE [--public-key HEX]]` checks the hash chain (and that "
        "it still has every signed anchor's hash) and exits non-zero at the first misfit; `audit anchor` "
        "signs the chain's head now; `audit public-key` prints the key auditors verify anchors with; "
        "`audit new-key` creates the signing key (production never generates one by itself)."
    )
    # Verifying must work on a server that is otherwise misconfigured, and new-key is how E009 is answered.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify", "anchor", "public-key", "new-key"])
        parser.add_argument("--anchors", type=Path, help="anchors exported from the auditor's viewer")
        parser.add_argument(
            "--public-key",
            help="the anchor public key (64 hex digits) the auditor trusts; else the one pinned in the file",
        )

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if action == "anchor":
            try:
                anchor = anchors.sign_anchor()
            except anchors.AnchorKeyMissing as exc:
                raise CommandError(f"{exc}; create it with `embrace audit new-key`") from None
            self.stdout.write(f"Signed anchor of #{anchor.seq} ({anchor.hash[:16]}) with key {anchor.key_id}")
            return
        if action == "new-key":
            try:
                key = anchors.create_signing_key()
            except FileExistsError:
                raise CommandError(
                    "An anchor key exists already: anchors it signed would not verify with a new one."
                ) from None
            self.stdout.write(
                f"New anchor key. Public key for auditors: {key.hex()} (key id {anchors.key_id(key)})"
            )
            return
        if action == "public-key":
            try:
                key = anchors.public_key()
            except anchors.AnchorKeyMissing as exc:
                raise CommandError(f"{exc}; create it with `embrace audit new-key`") from None
            self.stdout.write(f"{key.hex()}  (key id {anchors.key_id(key)})")
            return
        if options["public_key"] and not options["anchors"]:
            raise CommandError("--public-key checks anchors: give the anchors file with --anchors")
        verdict = verify_chain() if options["anchors"] is None else self._with_anchors(**options)
        if not verdict.ok:
            raise CommandError(f"Audit log FAILED verification: {verdict.message}")
        self.stdout.write(self.style.SUCCESS(f"Audit log OK: {verdict.message}"))

    def _with_anchors(self, **options: Any) -> Verdict:
        path: Path = options["anchors"]
        try:
            pinned, found = anchors.parse_export(path.read_text())
            trusted = anchors.parse_public_key(options["public_key"]) if options["public_key"] else pinned
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from None
        except anchors.AnchorFileError as exc:
            raise CommandError(f"{path}: {exc}") from None
        if trusted is None:
            # Never the server's own key: whoever rewrote the log may have replaced that file too.
            raise CommandError(
                "No public key to trust: give --public-key, or a file exported with its header"
            )
        if not found:
            raise CommandError(f"{path} holds no anchors")
        return anchors.verify_with_anchors(found, trusted)
