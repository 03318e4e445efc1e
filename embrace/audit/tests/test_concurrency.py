from __future__ import annotations

import threading

import pytest
from django.db import connection

from embrace.audit.events import Event
from embrace.audit.log import record, verify_chain
from embrace.audit.models import AuditEntry, AuditHead

WRITERS, EACH = 4, 10


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("headless", [False, True])
def test_simultaneous_writers_keep_one_contiguous_chain(headless: bool) -> None:
    before = AuditEntry.objects.count()
    if headless:
        # As after a flush: the first writers must agree on creating the head.
        assert before == 0
        AuditHead.objects.all().delete()
    start = threading.Barrier(WRITERS)
    failures: list[BaseException] = []

    def write(writer: int) -> None:
        try:
            start.wait(timeout=60)
            for n in range(EACH):
                record(Event.CONFIG_CHANGED, subject=f"config:{writer}", n=n)
        except BaseException as exc:  # reported below, where pytest can see it
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert list(AuditEntry.objects.values_list("seq", flat=True)) == list(
        range(1, before + WRITERS * EACH + 1)
    )
    assert verify_chain().ok
