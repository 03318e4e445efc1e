"""Releases: public figures under disclosure control, drafted by one analyst and approved by another.

Floor: releases, above ``figures`` (which computes what a figure counts) and below ``core``. The public list
of approved releases is served from here inside the enquirer's site (it extends ``intake/base.html``), since
``intake`` stands lower and may not import this app.
"""

from django.apps import AppConfig


class ReleasesConfig(AppConfig):
    name = "embrace.releases"
    label = "releases"
