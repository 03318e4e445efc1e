from __future__ import annotations

from django import forms


class MonthForm(forms.Form):
    """Which month the list shows: ``?month=2024-05``."""

    month = forms.DateField(input_formats=["%Y-%m"], required=False, label="Month")
