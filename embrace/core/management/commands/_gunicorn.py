"""gunicorn settings for ``embrace serve`` (loaded with ``--config python:<this module>``).

The leading underscore keeps Django from taking this module for a management command.

Nothing that identifies a client is logged, ever: there is no access log, whatever a configuration file or
``GUNICORN_CMD_ARGS`` may say, and network addresses are removed from the error log (gunicorn names the
client in its "Invalid request from ip=…" warning).
"""

from __future__ import annotations

import logging
import os
import re
import sys
from typing import Any

from gunicorn.glogging import Logger

wsgi_app = "embrace.wsgi:application"
# Threads rather than processes: a couple of Django processes with a few threads each fit a small server.
worker_class = "gthread"
accesslog = None
errorlog = "-"
loglevel = "info"
logger_class = f"{__name__}.AddressFreeLogger"
graceful_timeout = 10
timeout = 60
# The control socket would default to a path shared by every gunicorn of this user (~/.gunicorn/gunicorn.ctl).
control_socket_disable = True

# ``embrace serve`` sets this unless ``--no-worker``: each gunicorn worker then starts a task runner thread,
# of which exactly one (the holder of the runner lock, see ``embrace.core.runner``) runs tasks at a time.
RUNNER_ENV = "EMBRACE_TASK_RUNNER"
STOPPED_MESSAGE = "Embrace stopped."


def post_worker_init(worker: Any) -> None:
    """In each worker, once Django is loaded: start the task runner thread (if asked for)."""
    if os.environ.get(RUNNER_ENV) == "1":
        from embrace.core.runner import TaskRunner

        worker.embrace_task_runner = TaskRunner()
        worker.embrace_task_runner.start()


def worker_exit(server: Any, worker: Any) -> None:
    """Called in the worker as it leaves (and in the master as it reaps one): let a running task finish."""
    runner = getattr(worker, "embrace_task_runner", None)
    if runner is not None:
        runner.stop(timeout=graceful_timeout)


def on_exit(server: Any) -> None:
    # ``embrace serve`` became this process (exec): say, as it always has, that the server stopped.
    sys.stdout.write(STOPPED_MESSAGE + "\n")
    sys.stdout.flush()


_IPV4 = r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])"
# Full (eight groups) or compressed (with "::"); "12:30:45" is a time, not an address.
_H = "[0-9A-Fa-f]"
_IPV6_FULL = rf"(?:{_H}{{1,4}}:){{7}}{_H}{{1,4}}"
_IPV6_SHORT = rf"(?:{_H}{{1,4}}:)*{_H}{{0,4}}::(?:{_H}{{1,4}}:)*{_H}{{0,4}}"
_IPV6 = rf"(?<![\w:])(?:{_IPV6_FULL}|{_IPV6_SHORT})(?![\w.]|:{_H})"
ADDRESS = re.compile(f"{_IPV4}|{_IPV6}")


def redact(text: str) -> str:
    return ADDRESS.sub("[address]", text)


class _RedactAddresses(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact(record.getMessage()), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


class AddressFreeLogger(Logger):
    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        if not any(isinstance(f, _RedactAddresses) for f in self.error_log.filters):
            self.error_log.addFilter(_RedactAddresses())

    def access(self, resp: Any, req: Any, environ: Any, request_time: Any) -> None:
        # An access line is a client address and a time: exactly what a seized server must not hold.
        return None
