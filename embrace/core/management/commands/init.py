"""``embrace init``: the first administrator, from the command line, once.

Later accounts are made by invitation on the staff pages: an administrator invites, the invitee sets up
their own password and authenticator, and another administrator confirms their key fingerprint. The second
administrator may be confirmed by this first one alone, once (docs/architecture.md, "Bootstrapping").
The administrator's authenticator is enrolled at first login (the login page shows a QR code), so nothing
here needs a phone.
"""

from __future__ import annotations

import getpass
import secrets
import sys
from pathlib import Path
from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from embrace.accounts import actions
from embrace.accounts.models import RoleAssignment, User
from embrace.accounts.roles import Role


class Command(BaseCommand):
    help = "Create the first administrator (refused once an active administrator exists)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="admin", help="default: admin")
        source = parser.add_mutually_exclusive_group()
        source.add_argument(
            "--password-file", type=Path, help="read the password from this file ('-' for standard input)"
        )
        source.add_argument(
            "--generate-password", action="store_true", help="generate a strong password and print it once"
        )

    def handle(
        self, *args: Any, username: str, password_file: Path | None, generate_password: bool, **options: Any
    ) -> None:
        if RoleAssignment.objects.filter(role=Role.ADMINISTRATOR, user__is_active=True).exists():
            raise CommandError(
                "An administrator already exists. Further accounts are made on the staff pages "
                "by invitation (Accounts → Invite someone)."
            )
        try:
            User.username_validator(username)
        except ValidationError as exc:
            raise CommandError(f"Username {username!r}: {' '.join(exc.messages)}") from None
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user called {username!r} already exists; choose another --username.")
        password = self._password(username, password_file, generate_password)
        _, _, recovery_key = actions.create_user(
            username, roles=[Role.ADMINISTRATOR], password=password, actor=None
        )
        self.stdout.write(self.style.SUCCESS(f"Administrator {username!r} created."))
        if generate_password:
            self.stdout.write(f"Password (shown once, not stored anywhere): {password}")
        self.stdout.write(
            "\nRECOVERY KEY — shown this once and never again. Write it down and keep it offline: with a\n"
            "current TOTP code it is the only way back in if the password is forgotten.\n\n"
            f"    {recovery_key}\n\n"
            "Log in at /staff/login/: after the password you will be shown a QR code to scan with an\n"
            "authenticator app (the second factor), then asked for its code.\n\n"
            "Then invite a second administrator (Accounts → Invite someone), with them in the room:\n"
            "while you are the only administrator you may confirm their fingerprint yourself, once."
        )

    def _password(self, username: str, password_file: Path | None, generate: bool) -> str:
        if generate:
            return secrets.token_urlsafe(18)
        password = self._read(password_file) if password_file is not None else self._prompt()
        try:
            password_validation.validate_password(password, User(username=username))
        except ValidationError as exc:
            raise CommandError("Password refused: " + " ".join(exc.messages)) from None
        return password

    def _read(self, path: Path) -> str:
        try:
            text = sys.stdin.read() if str(path) == "-" else path.read_text()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read the password from {path}: {exc}") from None
        # One trailing newline is what `echo` and editors add; anything else is part of the password.
        password = text.removesuffix("\n").removesuffix("\r")
        if not password:
            raise CommandError(f"The password file {path} is empty.")
        return password

    def _prompt(self) -> str:
        if not sys.stdin.isatty():
            raise CommandError(
                "No terminal to ask for a password: use --password-file or --generate-password."
            )
        first = getpass.getpass("Password for the administrator: ")
        if first != getpass.getpass("Same password again: "):
            raise CommandError("The two passwords differ; nothing was created.")
        if not first:
            raise CommandError("An empty password is not allowed; nothing was created.")
        return first
