"""``embrace demo``: demonstration teams, accounts enough for every role and every two-person step, with
credentials one can log in with, and example cases at every stage (embrace.core.demo).

Idempotent: a second run keeps every account whose recorded password and TOTP secret still work, and
re-issues only those that do not (or all of them if the credentials file was lost). The credentials file
holds working passwords, so it is created mode 0600 from the first byte and the command refuses to run in
production. The example cases are made once, while the demo's intake team has none.
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
from embrace.cases.models import Case
from embrace.core.demo import Staff, make_cases
from embrace.custody import groups as custody_groups
from embrace.intake.models import IntakeRoute
from embrace.vault import actions as vault
from embrace.vault.keyring import Keyring, NoAccess, unlock_with_password
from embrace.vault.models import GroupKey

CREDENTIALS_FILE = "demo-credentials.json"

NORTH, PASSAGE, VETTING, COMMITTEE = "Intake — North", "Passage team", "Vetting", "Reward committee"
TEAMS = {
    NORTH: "Triage of enquiries from the northern channels",
    "Intake — South": "Triage of enquiries from the southern channels",
    PASSAGE: "Plans and runs safe passage",
    VETTING: "Checks that an enquirer is who they say",
    COMMITTEE: "Approves reward claims against the published schedule",
}

# Enough people to take one case from enquiry to paid reward, every two-person step with two different people:
# the intake officer triages and assigns; a handler runs the case and another handler of the team approves
# the passage a reviewer asks for; two reviewers sign off (and one verifies the claim); the passage team's
# courier writes the plan; two custodians (a custodian key is given with a second holder's approval, and a
# reveal is decided by a custodian other than one who asked); three committee members (a claim's
# valuer may not approve its tranches, which take two more); two in finance; two administrators (one
# proposes an account change, the other approves). Every account holds one role: no one can take both halves
# of a two-person step. Reviewers sit in the intake team so that the cases they vet are theirs to open.
ACCOUNTS: tuple[tuple[str, Role, tuple[str, ...]], ...] = (
    ("demo-administrator", Role.ADMINISTRATOR, ()),
    ("demo-administrator-2", Role.ADMINISTRATOR, ()),
    ("demo-intake-officer", Role.INTAKE_OFFICER, (NORTH,)),
    ("demo-handler", Role.HANDLER, (NORTH, PASSAGE)),
    ("demo-handler-2", Role.HANDLER, (NORTH,)),
    ("demo-courier", Role.HANDLER, (PASSAGE,)),
    ("demo-vetting-reviewer", Role.VETTING_REVIEWER, (NORTH, VETTING)),
    ("demo-vetting-reviewer-2", Role.VETTING_REVIEWER, (NORTH, VETTING)),
    ("demo-custodian", Role.CUSTODIAN, ()),
    ("demo-custodian-2", Role.CUSTODIAN, ()),
    ("demo-reward-committee", Role.REWARD_COMMITTEE, (COMMITTEE,)),
    ("demo-reward-committee-2", Role.REWARD_COMMITTEE, (COMMITTEE,)),
    ("demo-reward-committee-3", Role.REWARD_COMMITTEE, (COMMITTEE,)),
    ("demo-finance", Role.FINANCE, (COMMITTEE,)),
    ("demo-finance-2", Role.FINANCE, (COMMITTEE,)),
    ("demo-analyst", Role.ANALYST, ()),
    ("demo-auditor", Role.AUDITOR, ()),
)


@dataclass(frozen=True)
class Credential:
    username: str
    password: str
    totp_secret: str
    roles: list[str]


def demo_username(role: Role) -> str:
    """The first demo account of a role (each role has one named so; some have a second, "-2")."""
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


def give_demo_keys(credentials: list[Credential]) -> tuple[int, Staff]:
    """Each demo account gets the group keys its roles and teams entitle it to, through the real
    ``add_group_member``: from another demo account that holds the key (unlocked with its recorded
    password), or as the group's first key. Idempotent; returns how many keys were given, and the accounts
    with their keyrings (the example cases are made with them)."""
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
    return given, Staff(users, keyrings)


class Command(BaseCommand):
    help = (
        "Create demonstration teams, accounts for every role and example cases; "
        f"write DATA_DIR/{CREDENTIALS_FILE}."
    )

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
            for username, role, names in ACCOUNTS:
                outcome, credential = self._ensure_account(
                    username, role, [teams[n] for n in names], previous
                )
                counts[outcome] += 1
                credentials.append(credential)
            # New enquiries from the public site go to the northern intake team, whose officer can read them.
            IntakeRoute.objects.get_or_create(team=teams[NORTH])
            given, staff = give_demo_keys(credentials)
            if given:
                counts["keys_given"] = given
            # The example cases are made once: while the demo's intake team has none. Later runs leave them
            # (and whatever a newcomer did with them) as they are.
            north = teams[NORTH]
            if not Case.objects.filter(team=north).exists():
                counts["cases"] = len(make_cases(staff, north, teams[PASSAGE]))
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
            f"{counts['kept']} kept.\n"
            + (
                f"Example cases: {counts['cases']} made, every stage from a new enquiry to a paid reward.\n"
                if "cases" in counts
                else "Example cases: already made (made only while the intake team has none).\n"
            )
            + f"Saved to {path} (mode 0600).\n"
            "Log in at /staff/login/ with a username and its password, then the 6-digit code\n"
            "for its TOTP secret:\n"
            "  oathtool --totp -b SECRET    (or add the secret to any authenticator app)"
        )
