"""Break-glass through the pages: two administrators set up the recovery key, trustees write their shares
down, and after a group's holders are all gone k trustees restore it to a recipient, who then reads what was
sealed to the group before. k-1 trustees cannot; a mistyped share is refused; an administrator alone starts
nothing that reads content.

Groups and compartments are made with the vault's own functions (the custody app decides real groups);
everything a person does is done through the pages, each person in their own logged-in client.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from embrace.accounts.models import User
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.testing.language import wording_problems
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.vault import actions as vault
from embrace.vault import recovery, shamir
from embrace.vault.keyring import Keyring, unlock_with_password
from embrace.vault.models import KeyGroup, RecoveryKey, Restore, RestoreShare, RestoreStatus, Trustee

pytestmark = pytest.mark.django_db

BEFORE = b"sealed to the group before the recovery key existed"
AFTER = b"sealed to the group after the set-up"


def _keyring(persona: Persona) -> Keyring:
    return unlock_with_password(persona.user, persona.password)


@dataclass
class Programme:
    admins: tuple[Client, Client]
    trustees: dict[str, Client]
    shares: dict[str, str]
    holder: Persona
    recipient: Persona
    recipient_client: Client
    group: KeyGroup
    envelopes: tuple[bytes, bytes]
    personas: dict[str, Persona]


def _client(persona: Persona) -> Client:
    return log_in(Client(raise_request_exception=False), persona)


def _set_up(admin_a: Client, admin_b: Client, trustees: list[Persona], threshold: int) -> None:
    response = admin_a.post(
        reverse("breakglass:set_up"),
        {"trustees": [str(t.user.pk) for t in trustees], "threshold": threshold},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = admin_b.get(reverse("breakglass:overview"))
    ((approval, _),) = page.context["proposals"]
    response = admin_b.post(
        reverse("breakglass:set_up_decide"), {"approval": str(approval.pk), "decision": "approve"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def _write_down(client: Client) -> str:
    """A trustee opens their share, writes it down (here: keeps the words) and types it back."""
    assert client.get(reverse("breakglass:my_share")).status_code == 200
    words = client.post(reverse("breakglass:my_share"), {"show": "1"}).context["words"]
    response = client.post(reverse("breakglass:my_share"), {"words": " ".join(words)})
    assert response.status_code == 302
    return " ".join(words)


@pytest.fixture
def programme(db: None) -> Programme:
    """A group with one holder and content sealed to it before and after a 2-of-3 set-up; the shares written
    down; then the holder leaves, so nobody holds the group any more."""
    personas = {
        "admin_a": make_persona("admin_a", Role.ADMINISTRATOR),
        "admin_b": make_persona("admin_b", Role.ADMINISTRATOR),
        "trustee_1": make_persona("trustee_1", Role.CUSTODIAN),
        "trustee_2": make_persona("trustee_2", Role.VETTING_REVIEWER),
        "trustee_3": make_persona("trustee_3", Role.REWARD_COMMITTEE),
        "holder": make_persona("holder", Role.HANDLER),
        "recipient": make_persona("recipient", Role.HANDLER),
    }
    holder = personas["holder"]
    group = vault.group_named("team:restore-test")
    vault.add_group_member(group, holder.user, by=None, actor=holder.user)
    before = vault.create_compartment("body", [], groups=[group], actor=None)
    envelope_before = vault.seal(before, BEFORE)

    admins = (_client(personas["admin_a"]), _client(personas["admin_b"]))
    trustee_names = ("trustee_1", "trustee_2", "trustee_3")
    _set_up(*admins, [personas[n] for n in trustee_names], threshold=2)
    trustees = {name: _client(personas[name]) for name in trustee_names}
    shares = {name: _write_down(client) for name, client in trustees.items()}

    # The holder adds the group key they held from before the set-up to the recovery key.
    holder_client = _client(holder)
    page = holder_client.get(reverse("breakglass:overview"))
    assert page.context["uncovered"] == 1
    assert holder_client.post(reverse("breakglass:cover")).status_code == 302

    after = vault.create_compartment("body", [], groups=[group], actor=None)
    envelope_after = vault.seal(after, AFTER)
    vault.remove_group_member(group, holder.user, actor=None)
    assert vault.holders_of(group) == set()
    recipient = personas["recipient"]
    return Programme(
        admins,
        trustees,
        shares,
        holder,
        recipient,
        _client(recipient),
        group,
        (envelope_before, envelope_after),
        personas,
    )


def _open(p: Programme, by: str = "trustee_1") -> Restore:
    response = p.trustees[by].post(
        reverse("breakglass:restore_open"),
        {"group": str(p.group.pk), "recipient": str(p.recipient.user.pk), "reason": "team A all left"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return Restore.objects.get(group=p.group, status=RestoreStatus.OPEN)


def _enter(p: Programme, restore: Restore, who: str, words: str | None = None) -> object:
    return p.trustees[who].post(
        reverse("breakglass:restore_share"),
        {"restore": str(restore.pk), "words": p.shares[who] if words is None else words},
    )


def _complete(p: Programme, restore: Restore) -> object:
    return p.recipient_client.post(reverse("breakglass:restore_complete"), {"restore": str(restore.pk)})


def _reads(persona: Persona, envelope: bytes) -> bool:
    return _keyring(persona).can_open(envelope)


def test_set_up_keeps_no_share_once_written_down_and_no_private_key_at_all(programme: Programme) -> None:
    recovery_key = RecoveryKey.objects.get(current=True)
    assert recovery_key.threshold == 2
    assert recovery_key.trustees.count() == 3
    assert not recovery_key.trustees.filter(sealed_share__isnull=False).exists()
    assert all(len(words.split()) == 33 for words in programme.shares.values())
    assert len(set(programme.shares.values())) == 3
    assert AuditEntry.objects.filter(event=Event.RECOVERY_SHARE_WRITTEN_DOWN).count() == 3


def test_k_trustees_restore_a_group_and_the_recipient_reads_what_was_sealed_to_it_before(
    programme: Programme,
) -> None:
    p = programme
    assert not any(_reads(p.recipient, e) for e in p.envelopes)
    restore = _open(p)
    assert _enter(p, restore, "trustee_1").status_code == 302
    assert _enter(p, restore, "trustee_3").status_code == 302
    # Entered shares are sealed to the recipient, never kept readable.
    for share in RestoreShare.objects.filter(restore=restore):
        assert share.sealed_share is not None
        assert p.shares["trustee_1"].encode() not in bytes(share.sealed_share)

    response = _complete(p, restore)

    assert response.status_code == 302
    assert all(_reads(p.recipient, e) for e in p.envelopes)
    assert _keyring(p.recipient).open(p.envelopes[0]) == BEFORE
    restore.refresh_from_db()
    assert restore.status == RestoreStatus.COMPLETED
    assert not RestoreShare.objects.filter(restore=restore, sealed_share__isnull=False).exists()
    events = set(AuditEntry.objects.values_list("event", flat=True))
    assert {Event.RESTORE_OPENED, Event.RESTORE_SHARE_ENTERED, Event.RESTORE_COMPLETED} <= events
    # Every trustee sees that it happened, the one who took no part too.
    home = p.trustees["trustee_2"].get(reverse("accounts:home")).content.decode()
    assert "Restore of team:restore-test to recipient" in home
    assert "restored" in home


def test_k_minus_one_trustees_cannot_restore(programme: Programme) -> None:
    p = programme
    restore = _open(p)
    assert _enter(p, restore, "trustee_2").status_code == 302

    response = _complete(p, restore)

    assert response.status_code == 400
    assert "2 trustees must enter their shares; 1 has so far" in response.content.decode()
    assert not any(_reads(p.recipient, e) for e in p.envelopes)
    restore.refresh_from_db()
    assert restore.status == RestoreStatus.OPEN


def test_a_mistyped_share_is_refused_with_a_message_and_nothing_is_stored(programme: Programme) -> None:
    p = programme
    restore = _open(p)
    words = p.shares["trustee_2"].split()
    words[10] = "academic" if words[10] != "academic" else "acid"
    typed = " ".join(words)

    response = _enter(p, restore, "trustee_2", typed)

    assert response.status_code == 400
    page = response.content.decode()
    assert "a word is wrong, missing or out of order" in page
    assert typed in page  # the form as typed, to correct it
    assert not RestoreShare.objects.filter(restore=restore).exists()
    assert AuditEntry.objects.filter(event=Event.RESTORE_SHARE_REFUSED).count() == 1
    # Corrected, it goes in.
    assert _enter(p, restore, "trustee_2").status_code == 302


def test_a_word_that_is_not_in_the_list_is_named(programme: Programme) -> None:
    p = programme
    restore = _open(p)
    response = _enter(p, restore, "trustee_1", p.shares["trustee_1"].replace(" ", " zzzz ", 1))
    assert response.status_code == 400
    assert "“zzzz” is not one of the share words" in response.content.decode()


def test_a_trustee_cannot_enter_another_trustees_share(programme: Programme) -> None:
    p = programme
    restore = _open(p)
    assert _enter(p, restore, "trustee_1").status_code == 302

    response = _enter(p, restore, "trustee_2", p.shares["trustee_3"])

    assert response.status_code == 400
    assert "another trustee&#x27;s share" in response.content.decode()
    assert RestoreShare.objects.filter(restore=restore).count() == 1
    assert _complete(p, restore).status_code == 400
    assert not _reads(p.recipient, p.envelopes[0])


def test_only_the_recipient_completes_a_restore(programme: Programme) -> None:
    p = programme
    restore = _open(p)
    _enter(p, restore, "trustee_1")
    _enter(p, restore, "trustee_2")

    response = p.trustees["trustee_3"].post(
        reverse("breakglass:restore_complete"), {"restore": str(restore.pk)}
    )

    assert response.status_code == 403
    restore.refresh_from_db()
    assert restore.status == RestoreStatus.OPEN


def test_a_group_someone_still_holds_is_not_restored(programme: Programme) -> None:
    p = programme
    other = vault.group_named("team:still-held")
    vault.add_group_member(other, p.personas["trustee_3"].user, by=None, actor=None)

    response = p.trustees["trustee_1"].post(
        reverse("breakglass:restore_open"),
        {"group": str(other.pk), "recipient": str(p.recipient.user.pk), "reason": "x"},
    )

    assert response.status_code == 400
    assert not Restore.objects.filter(group=other).exists()
    # Not only left out of the page's choices: the vault refuses it too.
    with (
        translation.override("en"),
        pytest.raises(recovery.RecoveryError, match="still holds this group's key"),
    ):
        recovery.open_restore(other, p.recipient.user, reason="x", actor=p.personas["trustee_1"].user)


def test_an_administrator_alone_starts_and_completes_nothing_that_reads_content(programme: Programme) -> None:
    p = programme
    admin_a, admin_b = p.admins
    admin = p.personas["admin_a"]
    # Not a trustee: cannot ask for a restore, nor enter a share.
    response = admin_a.post(
        reverse("breakglass:restore_open"),
        {"group": str(p.group.pk), "recipient": str(p.recipient.user.pk), "reason": "x"},
    )
    assert response.status_code == 403
    # Cannot name themselves or another administrator a trustee (a share is a piece of the key to content).
    response = admin_a.post(
        reverse("breakglass:set_up"),
        {"trustees": [str(admin.user.pk), str(p.personas["trustee_1"].user.pk)], "threshold": 2},
    )
    assert response.status_code == 400
    # A trustee cannot name an administrator as the recipient.
    response = p.trustees["trustee_1"].post(
        reverse("breakglass:restore_open"),
        {"group": str(p.group.pk), "recipient": str(admin.user.pk), "reason": "x"},
    )
    assert response.status_code == 400
    assert not Restore.objects.exists()
    # A restore to someone else: the administrator sees none of it and cannot complete it.
    restore = _open(p)
    _enter(p, restore, "trustee_1")
    _enter(p, restore, "trustee_2")
    response = admin_a.post(reverse("breakglass:restore_complete"), {"restore": str(restore.pk)})
    assert response.status_code == 404
    assert not _reads(admin, p.envelopes[0])
    # Nor approve their own set-up: a new proposal waits for the other administrator.
    admin_a.post(
        reverse("breakglass:set_up"),
        {"trustees": [str(p.personas[n].user.pk) for n in ("trustee_1", "trustee_2")], "threshold": 2},
    )
    page = admin_a.get(reverse("breakglass:overview"))
    assert page.context["proposals"] == []
    assert len(admin_b.get(reverse("breakglass:overview")).context["proposals"]) == 1


def test_a_share_typed_back_wrong_keeps_the_servers_copy(programme: Programme) -> None:
    trustee = programme.personas["trustee_1"]
    admin_a, admin_b = programme.admins
    _set_up(admin_a, admin_b, [trustee, programme.personas["trustee_2"]], threshold=2)
    client = programme.trustees["trustee_1"]
    words = client.post(reverse("breakglass:my_share"), {"show": "1"}).context["words"]

    response = client.post(reverse("breakglass:my_share"), {"words": " ".join(words[:-1])})

    assert response.status_code == 400
    assert "are not your share" in response.content.decode()
    assert Trustee.objects.get(recovery_key__current=True, user=trustee.user).sealed_share is not None


def test_a_new_set_up_retires_the_old_key_so_its_shares_open_nothing(programme: Programme) -> None:
    p = programme
    old = RecoveryKey.objects.get(current=True)
    _set_up(*p.admins, [p.personas["trustee_1"], p.personas["trustee_2"]], threshold=2)
    old.refresh_from_db()
    assert not old.current
    assert not old.grants.exists()
    # The group (rotated at set-up, no holder) is restorable under the new key; old shares do not fit it.
    restore = _open(p)
    response = _enter(p, restore, "trustee_1")
    assert response.status_code == 400
    assert "another recovery key" in response.content.decode()


def test_a_share_is_entered_only_with_a_csrf_token_and_only_by_post(programme: Programme) -> None:
    p = programme
    restore = _open(p)
    assert Client().get(reverse("breakglass:overview")).status_code == 302
    assert p.trustees["trustee_1"].get(reverse("breakglass:restore_share")).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = p.trustees["trustee_1"].cookies
    assert strict.get(reverse("breakglass:overview")).status_code == 200

    response = strict.post(
        reverse("breakglass:restore_share"), {"restore": str(restore.pk), "words": p.shares["trustee_1"]}
    )

    assert response.status_code == 403
    assert not RestoreShare.objects.exists()


def _reads_burmese(response: object, p: Programme, *, shows: str) -> None:
    page = response.content.decode()  # type: ignore[attr-defined]
    assert shows in page, page[:3000]
    usernames = [persona.user.username for persona in p.personas.values()]
    # The fingerprint is shown to be compared exactly, and the reason is what the trustee typed: data.
    fingerprint = recovery.fingerprint(RecoveryKey.objects.get(current=True))
    problems = wording_problems(
        page, language="my", allowed=usernames, content=[p.group.name, "team A all left", fingerprint]
    )
    assert not problems, problems


def test_break_glass_refusals_read_in_burmese(programme: Programme) -> None:
    """Every refusal class of the break-glass pages, and each message with a number or a typed word in it,
    as a Burmese volunteer reads it: Burmese, Myanmar digits, no English sentence."""
    p = programme
    for client in p.trustees.values():  # read the set-up's notes while the trustees still read English
        client.get(reverse("breakglass:overview"))
    User.objects.update(language="my")
    restore = _open(p)
    assert _enter(p, restore, "trustee_2").status_code == 302

    # RecoveryError with counts: fewer shares than the threshold.
    response = _complete(p, restore)
    assert response.status_code == 400
    _reads_burmese(response, p, shows="ယုံကြည်အပ်နှံသူ ၂ ဦး မိမိတို့အပိုင်းကို ထည့်ရမည် - ယခုထိ ၁ ဦး ထည့်ပြီးပါပြီ။")
    # BadShare naming the word typed.
    response = _enter(p, restore, "trustee_1", p.shares["trustee_1"].replace(" ", " zzzz ", 1))
    assert response.status_code == 400
    _reads_burmese(response, p, shows="“zzzz” သည် အပိုင်းစကားလုံးစာရင်းတွင် မပါပါ")
    # BadShare: another trustee's share.
    response = _enter(p, restore, "trustee_1", p.shares["trustee_3"])
    assert response.status_code == 400
    _reads_burmese(response, p, shows="ဤစကားလုံးများသည် အခြားယုံကြည်အပ်နှံသူ၏ အပိုင်း ဖြစ်သည်။")
    # NotTrustee, on the 403 page: the recipient sees the restore but holds no share.
    response = p.recipient_client.post(
        reverse("breakglass:restore_share"), {"restore": str(restore.pk), "words": p.shares["trustee_1"]}
    )
    assert response.status_code == 403
    _reads_burmese(response, p, shows="ပြန်လည်ရယူရေးသော့၏ ယုံကြည်အပ်နှံသူသာ အပိုင်းကို ထည့်နိုင်သည်။")


def test_the_vaults_own_refusals_with_counts_are_burmese_sentences(programme: Programme) -> None:
    """The vault's refusals that the pages' own choices keep out of reach (a group someone still holds is not
    offered): still whole Burmese sentences with Myanmar digits, if another caller reaches them."""
    p = programme
    other = vault.group_named("team:still-held")
    vault.add_group_member(other, p.personas["trustee_3"].user, by=None, actor=None)
    with translation.override("my"), pytest.raises(recovery.RecoveryError) as refused:
        recovery.open_restore(other, p.recipient.user, reason="x", actor=p.personas["trustee_1"].user)
    assert str(refused.value).startswith("ဤအုပ်စု၏ သော့ကို ၁ ဦး ကိုင်ဆောင်ထားဆဲ")
    with translation.override("my"), pytest.raises(shamir.BadShare) as short:
        shamir.combine([p.shares["trustee_1"]], 2)
    assert str(short.value) == "အပိုင်း ၂ ခု လိုအပ်သည် - ၁ ခုသာ ထည့်ထားသည်။"
    for refusal in (refused.value, short.value):
        assert not wording_problems(f"<p>{refusal}</p>", language="my")
