"""The webhook's hot path: a message from a chat that already has a case. It must stay cheap (a fixed, small
number of queries, so the ORM forms it replaced cannot creep back), and cheap must not mean careless: each
message is numbered once even with writers racing on the same case, and what it skips writing is only what
would change nothing."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.db import connection
from django.test import Client

from embrace.cases.actions import reply_to_enquirer, today
from embrace.cases.models import Case, Message
from embrace.channels.models import Contact
from embrace.channels.tests.helpers import CHAT_ID, answer, post, update
from embrace.testing.personas import Persona

pytestmark = pytest.mark.usefixtures("telegram")

# SAVEPOINT (the test's transaction stands for BEGIN), the update marked seen, the case marked and locked,
# the contact with its case, the message number, the sealing key, the message, RELEASE. The switch is
# remembered from the message before.
KNOWN_CHAT_QUERIES = 8


@pytest.mark.django_db
def test_a_known_chats_message_takes_a_fixed_small_number_of_queries(
    bot_client: Client, django_assert_max_num_queries
) -> None:
    answer(post(bot_client, update("text")))
    answer(post(bot_client, update("text", update_id=700000401, text="second")))
    with django_assert_max_num_queries(KNOWN_CHAT_QUERIES):
        answer(post(bot_client, update("text", update_id=700000402, text="third")))
    assert list(Message.objects.order_by("seq").values_list("seq", flat=True)) == [1, 2, 3]


@pytest.mark.django_db
def test_a_contact_who_last_wrote_on_another_day_is_brought_up_to_date(bot_client: Client) -> None:
    answer(post(bot_client, update("text")))
    Contact.objects.update(last_inbound_on=today() - datetime.timedelta(days=2), unreachable=True)
    answer(post(bot_client, update("text", update_id=700000403, text="back again")))
    contact = Contact.objects.get()
    assert (contact.last_inbound_on, contact.unreachable) == (today(), False)


@pytest.mark.django_db
def test_each_message_marks_the_case_as_news_once(bot_client: Client) -> None:
    answer(post(bot_client, update("text")))
    Case.objects.update(unread_by_staff=0, last_enquirer_on=today() - datetime.timedelta(days=5))
    for number in range(3):
        answer(post(bot_client, update("text", update_id=700000410 + number, text=f"m{number}")))
    case = Case.objects.get()
    assert (case.unread_by_staff, case.last_enquirer_on) == (3, today())


@pytest.mark.django_db(transaction=True)
def test_writers_racing_on_one_case_number_every_message_once(
    intake_officer: Persona, handler: Persona
) -> None:
    """Chat messages (several connections, as Telegram opens) and staff replies at once on one case: on
    PostgreSQL each waits for the case's row lock before counting; none is refused, none shares a number."""
    answer(post(Client(), update("text")))
    case = Case.objects.get()
    chats, per_chat, replies = 3, 4, 4
    start = threading.Barrier(chats + 1)
    statuses: list[int] = []
    failures: list[BaseException] = []

    def chat(offset: int) -> None:
        client = Client()
        try:
            start.wait(timeout=60)
            for n in range(per_chat):
                number = 700001000 + offset * 100 + n
                statuses.append(
                    post(client, update("text", update_id=number, text=f"race {number}")).status_code
                )
        except BaseException as exc:  # reported below, where pytest sees it
            failures.append(exc)
        finally:
            connection.close()

    def staff() -> None:
        try:
            start.wait(timeout=60)
            for n in range(replies):
                reply_to_enquirer(Case.objects.get(pk=case.pk), f"reply {n}", actor=intake_officer.user)
        except BaseException as exc:
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=chat, args=(i,)) for i in range(chats)] + [
        threading.Thread(target=staff)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert statuses == [200] * (chats * per_chat)
    total = 1 + chats * per_chat + replies
    assert list(Message.objects.filter(case=case).order_by("seq").values_list("seq", flat=True)) == list(
        range(1, total + 1)
    )
    assert Case.objects.get(pk=case.pk).unread_by_staff == 1 + chats * per_chat
    assert Contact.objects.get().case_id == case.pk
    assert str(CHAT_ID) not in str(list(Contact.objects.values_list("digest", flat=True)))
