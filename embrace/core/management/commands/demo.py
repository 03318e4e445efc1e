"""``embrace demo``: demonstration teams and one account per role, with credentials one can log in with.

Idempotent: a second run keeps every account whose recorded password and TOTP secret still work, and
re-issues only those that do not (or all of them if the credentials file was lost). The credentials file
holds working passwords, so it is created mode 0600 from the first byte and the command refuses to run in
production.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts import actions
from embrace.accounts.models import Team, User
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.custody import groups as custody_groups
from embrace.intake.models import IntakeRoute
from embrace.vault import actions as vault
from embrace.vault.keyring import Keyring, NoAccess, unlock_with_password
from embrace.vault.models import GroupKey

CREDENTIALS_FILE = "demo-credentials.json"

TEAMS = {
    "Intake — North": "Triage of enquiries from the northern channels",
    "Intake — South": "Triage of enquiries from the southern channels",
    "Passage team": "Plans and runs safe passage",
    "Vetting": "Checks that an enquirer is who they say",
    "Reward committee": "Approves reward claims against the published schedule",
}

# One account per role, in the teams whose work that role does.
ACCOUNTS: dict[Role, tuple[str, ...]] = {
    Role.ADMINISTRATOR: (),
    Role.INTAKE_OFFICER: ("Intake — North",),
    Role.HANDLER: ("Intake — North", "Passage team"),
    Role.VETTING_REVIEWER: ("Vetting",),
    Role.CUSTODIAN: (),
    Role.REWARD_COMMITTEE: ("Reward committee",),
    Role.FINANCE: ("Reward committee",),
    Role.ANALYST: (),
    Role.AUDITOR: (),
}


# A second administrator, so that the two-person account pages (widening access, confirming an invitation,
# resetting an authenticator) can be tried: one proposes, the other approves.
SECOND_ADMINISTRATOR = "demo-administrator-2"


@dataclass(frozen=True)
class Credential:
    username: str
    password: str
    totp_secret: str
    roles: list[str]


def demo_username(role: Role) -> str:
    return "demo-" + role.value.replace("_", "-")


def credentials_path() -> Path:
    return settings.DATA_DIR / CREDENTIALS_FILE


def read_credentials(path: Path) -> dict[str, Credential]:
    """The credentials recorded by an earlier run, by username; anything unreadable is simply not reused."""
    try:
        rows = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    found: dict[str, Credential] = {}
    for row in rows if isinstance(rows, list) else []:
        if not isinstance(row, dict):
            continue
        username, password, secret, roles = (
            row.get(k) for k in ("username", "password", "totp_secret", "roles")
        )
        if (
            isinstance(username, str)
            and isinstance(password, str)
            and isinstance(secret, str)
            and isinstance(roles, list)
        ):
            found[username] = Credential(username, password, secret, [str(r) for r in roles])
    return found


def write_credentials(path: Path, credentials: list[Credential]) -> None:
    """Write atomically into a file that is mode 0600 from its creation (never briefly readable by others)."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "w") as handle:
            json.dump([asdict(c) for c in credentials], handle, indent=2, ensure_ascii=False)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def totp_secret(device: TOTPDevice) -> str:
    """The key as an authenticator app takes it (base32; 20-byte keys need no padding)."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def _secret_bytes(secret: str) -> bytes | None:
    try:
        return base64.b32decode(secret + "=" * (-len(secret) % 8), casefold=True)
    except (binascii.Error, ValueError):
        return None


def still_valid(user: User, credential: Credential) -> bool:
    if not user.is_active or not user.check_password(credential.password):
        return False
    key = _secret_bytes(credential.totp_secret)
    return key is not None and any(
        d.bin_key == key for d in TOTPDevice.objects.filter(user=user, confirmed=True)
    )


def new_password() -> str:
    return secrets.token_urlsafe(15)


def enrol_device(user: User) -> TOTPDevice:
    """A confirmed authenticator for a demo account, replacing any other: its secret goes in the file."""
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="demo authenticator", confirmed=True)
    record(Event.OTP_ENROLLED, actor=None, subject=user)
    return device


def reissue(user: User) -> tuple[str, TOTPDevice]:
    """New password, new key pair wrapped under it, new authenticator.

    The old private key cannot be unwrapped without the old password, so the pair is replaced: anything
    sealed to the old key is lost, which is acceptable only because these are demonstration accounts.
    """
    password = new_password()
    user.set_password(password)
    user.must_change_password = False
    user.is_active = True
    user.save(update_fields=["password", "must_change_password", "is_active"])
    vault.create_user_keys(user, password, actor=None)
    record(Event.PASSWORD_CHANGED, actor=None, subject=user, demo=True)
    return password, enrol_device(user)


def _opens(keyring: Keyring, key: GroupKey) -> bool:
    try:
        keyring.group_private_key(key)
    except NoAccess:
        return False
    return True


def give_demo_keys(credentials: list[Credential]) -> int:
    """Each demo account gets the group keys its roles and teams entitle it to, through the real
    ``add_group_member``: from another demo account that holds the key (unlocked with its recorded
    password), or as the group's first key. Idempotent; returns how many keys were given."""
    users = {c.username: User.objects.get(username=c.username) for c in credentials}
    keyrings = {c.username: unlock_with_password(users[c.username], c.password) for c in credentials}
    given = 0
    for credential in credentials:
        user, mine = users[credential.username], keyrings[credential.username]
        for group in custody_groups.entitled_groups(user):
            key = group.current_key
            if key is None:
                vault.add_group_member(group, user, by=None, actor=None)
                given += 1
                continue
            if _opens(mine, key):
                continue
            giver = next((k for k in keyrings.values() if k is not mine and _opens(k, key)), None)
            if giver is None:
                continue  # the only holders were re-issued: that key is lost, as their other keys are
            # A re-issued account holds copies sealed to its old key pair: take them, then give afresh.
            vault.remove_group_member(group, user, actor=None)
            vault.add_group_member(group, user, by=giver, actor=giver.user)
            given += 1
    return given


class Command(BaseCommand):
    help = f"Create demonstration teams and one account per role; write DATA_DIR/{CREDENTIALS_FILE}."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="run even though EMBRACE_PRODUCTION is set (do not)"
        )

    def handle(self, *args: Any, force: bool, **options: Any) -> None:
        if settings.PRODUCTION and not force:
            raise CommandError(
                "Refusing to create demonstration accounts with known passwords in production "
                "(EMBRACE_PRODUCTION is set). Use `embrace init` for the first administrator."
            )
        path = credentials_path()
        previous = read_credentials(path)
        counts = {"created": 0, "reset": 0, "kept": 0}
        credentials: list[Credential] = []
        with transaction.atomic():
            teams = {
                name: Team.objects.filter(name=name).first() or actions.create_team(name, about, actor=None)
                for name, about in TEAMS.items()
            }
            wanted = [(demo_username(r), r, [teams[n] for n in names]) for r, names in ACCOUNTS.items()]
            wanted.insert(1, (SECOND_ADMINISTRATOR, Role.ADMINISTRATOR, []))
            for username, role, team_list in wanted:
                outcome, credential = self._ensure_account(username, role, team_list, previous)
                counts[outcome] += 1
                credentials.append(credential)
            # New enquiries from the public site go to the northern intake team, whose officer can read them.
            IntakeRoute.objects.get_or_create(team=teams["Intake — North"])
            given = give_demo_keys(credentials)
            if given:
                counts["keys_given"] = given
            record(Event.DEMO_SEEDED, actor=None, subject="demo", **counts)
        write_credentials(path, credentials)
        self._print(path, credentials, counts)

    def _ensure_account(
        self, username: str, role: Role, teams: list[Team], previous: dict[str, Credential]
    ) -> tuple[str, Credential]:
        user = User.objects.filter(username=username).first()
        if user is None:
            password = new_password()
            user, _, _ = actions.create_user(
                username, roles=[role], teams=teams, password=password, actor=None
            )
            device = enrol_device(user)
            return "created", Credential(username, password, totp_secret(device), [role.value])
        actions.set_roles(user, [role], actor=None)
        actions.set_teams(user, teams, actor=None)
        known = previous.get(username)
        if known is not None and still_valid(user, known):
            return "kept", Credential(username, known.password, known.totp_secret, [role.value])
        password, device = reissue(user)
        return "reset", Credential(username, password, totp_secret(device), [role.value])

    def _print(self, path: Path, credentials: list[Credential], counts: dict[str, int]) -> None:
        widths = [
            max(len(getattr(c, f)) for c in credentials) for f in ("username", "password", "totp_secret")
        ]
        header = ("username", "password", "TOTP secret", "roles")
        rows = [header, *((c.username, c.password, c.totp_secret, ", ".join(c.roles)) for c in credentials)]
        for row in rows:
            cells = [
                cell.ljust(max(width, len(header[i])))
                for i, (cell, width) in enumerate(zip(row, widths, strict=False))
            ]
            self.stdout.write("  ".join([*cells, row[3]]).rstrip())
        self.stdout.write(
            f"\nDemo accounts: {counts['created']} created, {counts['reset']} re-issued, "
            f"{counts['kept']} kept.\nSaved to {path} (mode 0600).\n"
            "Log in at /staff/login/ with a username and its password, then the 6-digit code\n"
            "for its TOTP secret:\n"
            "  oathtool --totp -b SECRET    (or add the secret to any authenticator app)"
        )
