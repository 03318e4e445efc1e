"""A refusal a person reads on the page is raised already translated (issue 10): never a plain string or an
f-string, which a Burmese volunteer would read in English.

Static, over the source (ast): every ``raise`` of a page-facing exception, every ``messages.<level>(...)``
and every ``form.add_error(...)`` outside tests, benchmarks, migrations and management commands must pass
its message as one of the shapes the convention allows: ``_("...")`` (``gettext``, ``gettext_lazy``,
``ngettext``, ``pgettext``), that call ``% {...}``, or a name or expression that is not itself a string
literal (a module-level ``gettext_lazy`` constant, ``str(exc)`` passing on a message that was translated
where it was raised, a helper that returns translated text). Every exception class the project defines is
listed below as page-facing or operator-only, so a new one has to be decided on.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import embrace

ROOT = Path(embrace.__file__).parent
REPOSITORY = ROOT.parent

NOT_SCANNED_PARTS = frozenset({"tests", "bench", "migrations", "management"})

# Exceptions whose message is shown to the person on a page, and where.
PAGE_FACING = {
    "PermissionDenied": "the 403 page shows its message (core.views.permission_denied)",
    "ValidationError": "a form shows it next to the field",
    "AccountError": "passed on by staffing to the account pages",
    "ApprovalError": "passed on by every two-person step (cases, custody, quarantine, staffing...)",
    "OwnRequest": "an ApprovalError",
    "BreakGlassError": "break-glass pages",
    "RecoveryError": "break-glass pages (set-up, my share, restores)",
    "NotTrustee": "break-glass pages, as the 403 page",
    "BadShare": "break-glass share forms, through RecoveryError",
    "AssignmentError": "the case page's assign form",
    "IdentityError": "the identity request and reveal pages",
    "LifecycleError": "the case page's step forms",
    "IllegalTransition": "a LifecycleError: the case page's step forms",
    "CustodyError": "the keys page",
    "QuarantineError": "the quarantine page",
    "PassageError": "the passage plan page",
    "RetentionError": "the retention settings page",
    "ReleaseError": "the releases' draft and release pages",
    "Overspent": "a privacy budget refusal; releases words its own, but the message is translated too",
    "StaffingError": "the staff accounts pages and the join page",
    "VettingError": "the vetting page",
    "ChannelError": "the enquiry entry page and the chat channels' switches page",
    # embrace/rewards
    "ClaimError": "claim pages",
    "PaymentError": "payment pages",
    "FundsError": "finance pages",
    "ScheduleError": "schedule pages",
    "NotAllowed": "schedule pages",
    "StipendError": "stipend pages",
    "MoneyError": "money fields of the rewards forms",
}

# Exceptions that never reach a staff page with their message: why each stays English.
OPERATOR_ONLY = {
    "VaultError": "base class; its subclasses are decided one by one",
    "VaultLocked": "the pages say 'log in again' in their own words; the reason goes to the audit log",
    "NoAccess": "the no-key pages are templates; vault.backup reads the message ('damaged...')",
    "GroupHasNoKey": "an invariant of key distribution; the keys page words its own refusal",
    "DecryptionError": "crypto damage, for operators and logs",
    "_Damaged": "a backup archive's damage, reported by the restore command",
    "BackupError": "the backup command (CLI)",
    "RestoreRefused": "the restore command (CLI)",
    "BackupKeyError": "the backup commands (CLI)",
    "WrongBackupKey": "the restore command (CLI)",
    "AnchorKeyMissing": "the audit anchor commands (CLI)",
    "AnchorFileError": "the audit anchor commands (CLI)",
    "DemoError": "the demo command (CLI), checking itself",
    "Unbalanced": "a ledger invariant: a programming error",
    "AppendOnly": "an append-only invariant: a programming error",
    "SearchLimited": "carries a time; the search page words the refusal",
    "IntakeClosed": "carries nothing; the enquiry page words it",
    "TokenSpent": "carries nothing; the enquiry page words it",
    "PhotoError": "carries a code; the intake pages word it (intake.views.PHOTO_MESSAGES)",
    "Busy": "carries a wait in seconds; the pages word it",
    # embrace/channels: webhooks answer the channels' servers with a status code, never a page
    "TryLater": "a webhook's 503 to the channel's servers; no page",
    "_Duplicate": "internal to channels.inbound; never leaves it",
    "_NeedsReceipt": "internal to channels.inbound; never leaves it",
    "Malformed": "a webhook's bodiless 400 to the channel's servers; no page",
    "TooLarge": "a webhook's bodiless 413 to the channel's servers; no page",
    "GraphError": "base class of the Send API's errors, logged for operators; no page",
    "TryAgain": "the Send API's errors: logged for operators or read by the outbox worker",
    "Unreachable": "the Send API's errors: logged for operators or read by the outbox worker",
    "Refused": "the Send API's errors: logged for operators or read by the outbox worker",
    "NoAnswer": "the Send API's errors: logged for operators or read by the outbox worker",
    "RuleError": "a definition's rule written by a migration (a programming error); no page writes rules",
    "TelegramError": "read by the outbox worker: its reason (marked, gettext_noop) is stored and translated "
    "where the case page shows it",
}

# Raises of a page-facing class that cannot reach a page, by file: the model's own guards fire only when code
# bypasses embrace.cases.lifecycle (a programming error, for the developer who wrote it).
OPERATOR_ONLY_SITES = {("embrace/cases/models.py", "IllegalTransition")}

TRANSLATING = frozenset(
    {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "npgettext"}
)
MESSAGE_LEVELS = frozenset({"debug", "info", "success", "warning", "error", "add_message"})


def _sources() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(REPOSITORY).as_posix()
        if NOT_SCANNED_PARTS & set(path.relative_to(ROOT).parts):
            continue
        yield relative, ast.parse(path.read_text(), filename=relative)


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _plain_strings(module: ast.Module) -> set[str]:
    """Module-level names bound to a plain string (not to a translated one)."""
    names = set()
    for node in module.body:
        if (
            isinstance(node, ast.Assign | ast.AnnAssign)
            and node.value is not None
            and _untranslated(node.value)
        ):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _untranslated(node: ast.expr, plain: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether ``node`` is English text as written: a literal, an f-string, or one built from them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Name):
        return node.id in plain
    if isinstance(node, ast.BinOp):  # "..." % x, "..." + x; _("...") % {...} is translated on the left
        return _untranslated(node.left, plain) or (
            isinstance(node.op, ast.Add) and _untranslated(node.right, plain)
        )
    if isinstance(node, ast.IfExp):
        return _untranslated(node.body, plain) or _untranslated(node.orelse, plain)
    if isinstance(node, ast.Call):
        if _name(node.func) in TRANSLATING:
            return False
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
            return _untranslated(node.func.value, plain)
    return False


def _message(call: ast.Call, position: int) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "message":
            return keyword.value
    return call.args[position] if len(call.args) > position else None


def untranslated_refusals() -> list[str]:
    """Every place a page-facing message is given as English text as written, as path:line: code."""
    found = []
    for path, module in _sources():
        plain = _plain_strings(module)
        for node in ast.walk(module):
            message, what = None, ""
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                what = _name(node.exc.func)
                if what in PAGE_FACING and (path, what) not in OPERATOR_ONLY_SITES:
                    message = _message(node.exc, 0)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in MESSAGE_LEVELS and _name(node.func.value) == "messages":
                    message = _message(node, 2 if node.func.attr == "add_message" else 1)
                elif node.func.attr == "add_error":
                    message = _message(node, 1)
            if message is not None and _untranslated(message, plain):
                found.append(f"{path}:{node.lineno}: {ast.unparse(message)[:90]}")
    return found


def test_no_page_facing_refusal_is_raised_as_an_english_literal() -> None:
    found = untranslated_refusals()
    assert not found, (
        "A message shown on a page is English as written; wrap it in _(...) (named placeholders, "
        "whole sentences) and give it Burmese in tools/translations/:\n" + "\n".join(found)
    )


def _exception_classes() -> dict[str, str]:
    """Every exception class defined in the project (tests and rewards included), with where."""
    bases_of: dict[str, tuple[str, list[str]]] = {}
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(REPOSITORY).as_posix()
        if {"tests", "migrations"} & set(path.relative_to(ROOT).parts):
            continue
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ClassDef):
                bases_of[node.name] = (relative, [_name(b) for b in node.bases])
    exceptions = {"Exception", "ValueError", "RuntimeError", "DecryptionError"}
    while True:
        more = {name for name, (_, bases) in bases_of.items() if set(bases) & exceptions} - exceptions
        if not more:
            break
        exceptions |= more
    return {name: where for name, (where, _) in bases_of.items() if name in exceptions}


def test_every_exception_class_is_decided_page_facing_or_operator_only() -> None:
    undecided = {
        f"{where}: {name}"
        for name, where in _exception_classes().items()
        if name not in PAGE_FACING and name not in OPERATOR_ONLY
    }
    assert not undecided, (
        "Say whether these exceptions' messages reach a page (PAGE_FACING) or only operators "
        "(OPERATOR_ONLY): " + ", ".join(sorted(undecided))
    )
    assert not set(PAGE_FACING) & set(OPERATOR_ONLY)


def test_the_check_finds_each_untranslated_shape() -> None:
    """The scan itself: a literal, an f-string, a %-formatted or joined literal and a module-level plain
    constant are found; the allowed shapes are not."""
    code = """
PLAIN = "Nobody may do this."
LAZY = gettext_lazy("Nobody may do this.")
raise ApprovalError("Nobody may do this.")
raise ApprovalError(f"Only a {role} may do this.")
raise ApprovalError("Only %s may do this." % who)
raise ApprovalError(PLAIN)
raise ApprovalError(message="Nobody may do this.")
messages.error(request, "Nobody may do this.")
form.add_error(None, f"{why} {then} again")
raise ApprovalError(_("Nobody may do this."))
raise ApprovalError(_("Only %(who)s may do this.") % {"who": who})
raise ApprovalError(ngettext("%(n)s left.", "%(n)s left.", n) % {"n": n})
raise ApprovalError(LAZY)
raise ApprovalError(str(exc))
raise ValueError("a programming error, for the developer")
messages.success(request, _("Done."))
form.add_error("words", str(exc))
"""
    module = ast.parse(code)
    plain = _plain_strings(module)
    flagged = []
    for node in ast.walk(module):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            message = _message(node.exc, 0) if _name(node.exc.func) in PAGE_FACING else None
        elif isinstance(node, ast.Call) and _name(node.func) in ("error", "success", "add_error"):
            message = _message(node, 1)
        else:
            continue
        if message is not None and _untranslated(message, plain):
            flagged.append(node.lineno)
    assert sorted(flagged) == [4, 5, 6, 7, 8, 9, 10]
