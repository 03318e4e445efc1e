"""``embrace worker``: the background task runner on its own, for a server started with ``serve --no-worker``.

The same runner as the thread in ``embrace serve`` (``embrace.core.runner``), in the foreground: it waits for
the runner lock, so it is safe to start one on every host; only one runs tasks at a time. SIGTERM or SIGINT
let a running task finish, then stop.
"""

from __future__ import annotations

import signal
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand

from embrace.core.runner import TaskRunner


class Command(BaseCommand):
    help = "Run the background tasks and the housekeeping clock (one runner at a time across instances)."

    def handle(self, *args: Any, **options: Any) -> None:
        runner = TaskRunner()

        def stop(signum: int, frame: FrameType | None) -> None:
            runner.stopping.set()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write("Task runner started; waiting for the runner lock.")
        self.stdout.flush()
        runner.run()
        self.stdout.write("Task runner stopped.")
