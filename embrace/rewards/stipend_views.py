"""Staff pages for rewards (placeholder; the list below is included by embrace/rewards/urls.py)."""

from __future__ import annotations

from django.urls import URLPattern

urls: list[URLPattern] = []
