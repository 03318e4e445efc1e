"""A logged-in user's private key, and how it survives between requests without the server holding it.

At login the private key is unwrapped with the password and re-wrapped under a fresh random *session key*.
The wrapped form goes into the server-side session; the session key goes only into an HttpOnly,
SameSite=Strict cookie (Secure under TLS). Neither half alone unwraps anything, so a copy of the database,
the data folder or the logs decrypts nothing.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hmac
import uuid
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, BinaryIO

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse

from embrace.vault import crypto
from embrace.vault.models import Compartment, CompartmentKey, Grant, GroupGrant, GroupKey, UserKey

if TYPE_CHECKING:
    from embrace.accounts.models import User

SESSION_FIELD = "vault_wrapped_key"
_SESSION_PURPOSE = b"embrace/session-wrap/v1"


class VaultError(Exception):
    pass


class VaultLocked(VaultError):
    """No usable key for this request: the key cookie is missing, damaged, or belongs to another session."""


class NoAccess(VaultError):
    """The user holds no key for this content."""


def user_key_purpose(user_id: uuid.UUID, how: str) -> bytes:
    return f"embrace/user-private-key/{how}/{user_id}".encode()


class Keyring:
    """A user's unwrapped private key for the length of one request. Never stored, never logged.

    A compartment key reaches the user either through a grant of their own or through a group key they
    hold. The user's group grants are read once per keyring (one query); each generation is unsealed the
    first time something sealed to it is opened and kept for the request (never beyond it), so an inbox page
    costs the same number of queries however many cases it lists, and only the generations it needs.
    """

    __slots__ = ("_group_openers", "_held", "_private_key", "user")

    def __init__(self, user: User, private_key: bytes) -> None:
        self.user = user
        self._private_key = private_key
        # Group generations this user holds a grant on (id → the private key sealed to the user), read once;
        # each is unsealed only when something sealed to it is opened, then kept for the request.
        self._held: dict[uuid.UUID, bytes] | None = None
        self._group_openers: dict[uuid.UUID, crypto.Opener | None] = {}

    def __repr__(self) -> str:
        return f"<Keyring of {self.user.pk}>"

    def _load_held(self) -> dict[uuid.UUID, bytes]:
        self._group_openers = {}
        if self.user is None:
            return {}
        return {
            key_id: bytes(sealed)
            for key_id, sealed in GroupGrant.objects.filter(user=self.user).values_list(
                "key_id", "sealed_private_key"
            )
        }

    def _held_ids(self) -> dict[uuid.UUID, bytes]:
        if self._held is None:
            self._held = self._load_held()
        return self._held

    def _group_opener(self, key_id: uuid.UUID) -> crypto.Opener | None:
        """What opens content sealed to this group generation, or None if the user holds no working grant."""
        if key_id not in self._group_openers:
            sealed = self._held_ids().get(key_id)
            opener = None
            if sealed is not None:
                # A grant sealed to a key pair this user no longer has opens nothing.
                with contextlib.suppress(crypto.DecryptionError):
                    opener = crypto.opener(crypto.unseal(self._private_key, sealed))
            self._group_openers[key_id] = opener
        return self._group_openers[key_id]

    def group_keys(self) -> dict[uuid.UUID, bytes]:
        """The group key generations this user holds (id → private key). Unseals each of them: for the few
        callers that need them all (recovery cover); opening content unseals only the generations it needs."""
        found = {}
        for key_id in self._held_ids():
            opener = self._group_opener(key_id)
            if opener is not None:
                found[key_id] = opener.private_key
        return found

    def group_private_key(self, key: GroupKey) -> bytes:
        opener = self._group_opener(key.pk) if key.pk in self._held_ids() else None
        if opener is None and self.user is not None:
            # Read afresh on a miss: a keyring kept across a grant (a command, a test) sees the new key.
            self._held = self._load_held()
            opener = self._group_opener(key.pk)
        if opener is None:
            raise NoAccess(f"no grant on group key {key.pk}")
        return opener.private_key

    def _grants(self) -> QuerySet[Grant]:
        """Grants this keyring may open: its own, and those sealed to a group key generation it holds."""
        return Grant.objects.filter(Q(user=self.user) | Q(group_key_id__in=list(self._held_ids())))

    def _open_grant(self, user_id: object, group_key_id: uuid.UUID | None, sealed: bytes) -> bytes:
        if group_key_id is None:
            return crypto.unseal(self._private_key, sealed)
        opener = self._group_opener(group_key_id)
        if opener is None:
            raise crypto.DecryptionError("group key not held")
        return opener.unseal(sealed)

    def compartment_private_key(self, key: CompartmentKey) -> bytes:
        # A direct grant first (one unseal), else a group generation of this user the key is sealed to.
        rows = list(
            self._grants().filter(key=key).values_list("user_id", "group_key_id", "sealed_private_key")
        )
        if not rows:
            raise NoAccess(f"no grant on compartment key {key.pk}")
        rows.sort(key=lambda row: row[1] is not None)
        for user_id, group_key_id, sealed in rows:
            try:
                return self._open_grant(user_id, group_key_id, bytes(sealed))
            except crypto.DecryptionError:
                continue
        raise NoAccess("grant does not open with this user's key")

    def _unseal_data_key(self, key_id: uuid.UUID, sealed_data_key: bytes) -> bytes:
        # The callback ``crypto.open_stream`` asks for a stream's data key: access is decided here.
        key = CompartmentKey.objects.filter(pk=key_id).first()
        if key is None:
            raise NoAccess("unknown or destroyed compartment key")
        try:
            return crypto.unseal(self.compartment_private_key(key), sealed_data_key)
        except crypto.DecryptionError as exc:
            raise NoAccess("damaged envelope") from exc

    def open(self, envelope: bytes) -> bytes:
        """Decrypt one message envelope, or raise NoAccess (also for bytes that are no envelope at all)."""
        envelope = bytes(envelope)
        try:
            key_id = crypto.envelope_key_id(envelope)
        except crypto.DecryptionError as exc:
            raise NoAccess("not an envelope") from exc
        key = CompartmentKey.objects.filter(pk=key_id).first()
        if key is None:
            raise NoAccess("unknown or destroyed compartment key")
        try:
            return crypto.open_message(self.compartment_private_key(key), envelope)
        except crypto.DecryptionError as exc:
            raise NoAccess("damaged envelope") from exc

    def open_many(self, envelopes: Sequence[bytes]) -> list[bytes | None]:
        """Decrypt several message envelopes with a constant number of queries; None for each this keyring
        cannot open.

        For lists (an inbox page): ``open`` would look up a key and a grant for every envelope. The group keys
        are one query (once per keyring), the grants one more.
        """
        key_ids: list[uuid.UUID | None] = []
        for envelope in envelopes:
            try:
                key_ids.append(crypto.envelope_key_id(bytes(envelope)))
            except crypto.DecryptionError:
                key_ids.append(None)
        grants: dict[uuid.UUID, tuple[object, uuid.UUID | None, bytes]] = {}
        for grant_key_id, user_id, group_key_id, sealed in (
            self._grants()
            .filter(key_id__in={k for k in key_ids if k is not None})
            .values_list("key_id", "user_id", "group_key_id", "sealed_private_key")
        ):
            # A direct grant wins over a group one: one unseal instead of two.
            if grant_key_id not in grants or group_key_id is None:
                grants[grant_key_id] = (user_id, group_key_id, bytes(sealed))
        privates: dict[uuid.UUID, bytes | None] = {}
        opened: list[bytes | None] = []
        for envelope, key_id in zip(envelopes, key_ids, strict=True):
            grant = grants.get(key_id) if key_id is not None else None
            try:
                if grant is None or key_id is None:
                    opened.append(None)
                    continue
                if key_id not in privates:
                    privates[key_id] = self._open_grant(*grant)
                private = privates[key_id]
                opened.append(crypto.open_message(private, bytes(envelope)) if private is not None else None)
            except crypto.DecryptionError:
                opened.append(None)
        return opened

    def open_stream(self, source: BinaryIO) -> Iterator[bytes]:
        """Plaintext chunks of a stream envelope: NoAccess without a grant, DecryptionError on damage.

        Lazy: nothing is checked until the first chunk is asked for. See ``crypto.open_stream`` on
        truncation, which shows only at the end.
        """
        return crypto.open_stream(self._unseal_data_key, source)

    def can_read(self, compartment: Compartment) -> bool:
        """Whether this keyring opens the compartment's current generation (what new content is sealed to)."""
        key = compartment.current_key if compartment.destroyed_at is None else None
        if key is None:
            return False
        try:
            self.compartment_private_key(key)
        except NoAccess:
            return False
        return True

    def can_open(self, envelope: bytes) -> bool:
        try:
            self.open(envelope)
        except NoAccess:
            return False
        return True

    # Used only by vault.actions to re-wrap or re-seal; kept off the public surface by name.
    def _private_bytes(self) -> bytes:
        return self._private_key


def unlock_with_password(user: User, password: str) -> Keyring:
    record = UserKey.objects.filter(user=user).first()
    if record is None:
        raise VaultLocked("this account has no keys yet")
    try:
        private = crypto.unwrap_with_password(
            password, bytes(record.wrapped_by_password), purpose=user_key_purpose(user.pk, "password")
        )
    except crypto.DecryptionError as exc:
        raise VaultLocked("the password does not unwrap this account's key") from exc
    return Keyring(user, private)


def unlock_with_recovery_key(user: User, recovery_key: str) -> Keyring:
    record = UserKey.objects.filter(user=user).first()
    raw = decode_recovery_key(recovery_key)
    if record is None or record.wrapped_by_recovery is None or raw is None:
        raise VaultLocked("this recovery key does not fit this account")
    try:
        private = crypto.unwrap_with_key(
            raw, bytes(record.wrapped_by_recovery), purpose=user_key_purpose(user.pk, "recovery")
        )
    except crypto.DecryptionError as exc:
        raise VaultLocked("this recovery key does not fit this account") from exc
    return Keyring(user, private)


def encode_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode().rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def decode_recovery_key(text: str) -> bytes | None:
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    try:
        raw = base64.b32decode(compact + "=" * (-len(compact) % 8))
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == 32 else None


# --- The per-session key cookie -----------------------------------------------------------------------------


def start_session(request: HttpRequest, keyring: Keyring) -> str:
    """Re-wrap the private key under a new session key; returns the cookie value to set on the response."""
    session_key = crypto.random_key()
    request.session[SESSION_FIELD] = base64.b64encode(
        crypto.wrap_with_key(session_key, keyring._private_bytes(), purpose=_SESSION_PURPOSE)
    ).decode()
    request.session["vault_user"] = str(keyring.user.pk)
    return base64.urlsafe_b64encode(session_key).decode()


def set_key_cookie(response: HttpResponse, value: str) -> None:
    response.set_cookie(
        settings.VAULT_KEY_COOKIE_NAME,
        value,
        max_age=None,  # a browser-session cookie; the server-side half lapses with the idle timeout
        path="/",
        secure=settings.TLS,
        httponly=True,
        samesite="Strict",
    )


def clear_key_cookie(response: HttpResponse) -> None:
    response.delete_cookie(settings.VAULT_KEY_COOKIE_NAME, path="/", samesite="Strict")


def keyring_from_request(request: HttpRequest, user: User) -> Keyring:
    """The user's keyring from the session half and the cookie half, or VaultLocked."""
    wrapped_text = request.session.get(SESSION_FIELD)
    cookie = request.COOKIES.get(settings.VAULT_KEY_COOKIE_NAME)
    if not wrapped_text or not cookie:
        raise VaultLocked("missing key")
    if request.session.get("vault_user") != str(user.pk):
        raise VaultLocked("key belongs to another user")
    try:
        session_key = base64.urlsafe_b64decode(cookie.encode())
        wrapped = base64.b64decode(wrapped_text.encode())
        private = crypto.unwrap_with_key(session_key, wrapped, purpose=_SESSION_PURPOSE)
    except (binascii.Error, ValueError, crypto.DecryptionError) as exc:
        raise VaultLocked("damaged key") from exc
    # Both halves could have been made by whoever wrote the session row (a database writer chooses the
    # cookie and wraps a key of their own): only a key that matches the account's public key is theirs.
    if not _is_users_key(user, private):
        raise VaultLocked("the key does not belong to this account")
    return Keyring(user, private)


def _is_users_key(user: User, private: bytes) -> bool:
    stored = UserKey.objects.filter(user=user).values_list("public_key", flat=True).first()
    try:
        return stored is not None and hmac.compare_digest(crypto.public_key_of(private), bytes(stored))
    except crypto.DecryptionError:
        return False


def public_fingerprint(user: User) -> str | None:
    """The short fingerprint of the user's public key, for a second person to compare aloud (or None)."""
    stored = UserKey.objects.filter(user=user).values_list("public_key", flat=True).first()
    return crypto.fingerprint(bytes(stored)) if stored is not None else None
