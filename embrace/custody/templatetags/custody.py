"""``{{ group|group_label }}``: a key group's name in words a volunteer understands, not its internal name."""

from __future__ import annotations

from django import template

from embrace.custody import groups
from embrace.vault.models import KeyGroup

register = template.Library()


@register.filter
def group_label(group: KeyGroup) -> str:
    return groups.label(group)
