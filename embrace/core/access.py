"""Every view states who may reach it, so that a forgotten check is a failing test, not an open door.

A view is either wrapped by ``embrace.accounts.decorators.staff_required`` (which marks it
``access = "staff:<perm>"``) or marked ``@public`` here. ``embrace.core.tests.test_access`` walks every URL
pattern and fails on a view with neither.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

PUBLIC = "public"
STAFF_PREFIX = "staff:"
ATTRIBUTE = "access"

View = TypeVar("View", bound=Callable[..., Any])


def public(view: View) -> View:
    """Anyone may call this view (login steps, the enquirer site). Goes below the HTTP-method decorator."""
    setattr(view, ATTRIBUTE, PUBLIC)
    return view


def staff_access(perm: str | None) -> str:
    return f"{STAFF_PREFIX}{perm or 'any'}"


def access_of(view: Callable[..., Any]) -> str | None:
    """The access decision a view carries, or None if it has none.

    ``functools.wraps`` copies the marker outwards, so the method decorators around a marked view keep it.
    """
    value = getattr(view, ATTRIBUTE, None)
    if value == PUBLIC or (isinstance(value, str) and value.startswith(STAFF_PREFIX)):
        return value
    return None
