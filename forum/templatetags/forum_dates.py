"""Dates as readers read them, one way everywhere.

``{{ value|machine_time }}`` for ``<time datetime>`` (UTC, no microseconds: valid HTML);
``{{ value|when }}`` for a moment ("4 Dec 2026, 22:19"), ``{{ value|on_day }}`` for a day and
``{{ value|ago }}`` for recent activity ("5 minutes ago", a date after a day), in the reader's
language and time zone (forum/timezones.py). live.js prints the same with ``Intl``.
"""

from __future__ import annotations

import datetime

from django import template
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import get_language

register = template.Library()

RECENT = datetime.timedelta(days=1)  # newer than this reads as "… ago"


def machine_time(value: datetime.datetime | datetime.date | None) -> str:
    """The ``datetime`` attribute's text: a date, or a UTC moment to the second."""
    if value is None or value == "":
        return ""
    if not isinstance(value, datetime.datetime):
        return value.isoformat()
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value.astimezone(datetime.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parts(value: datetime.date) -> dict:
    months = get_format("MONTHS_ABBR")
    parts = {"day": value.day, "month": months[value.month - 1], "year": value.year}
    if isinstance(value, datetime.datetime):
        parts["time"] = value.strftime("%H:%M")
    return parts


@register.filter
def when(value: datetime.datetime | None) -> str:
    """A moment in the reader's language and time zone: "4 Dec 2026, 22:19"."""
    if not isinstance(value, datetime.datetime):
        return on_day(value)
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return get_format("DATETIME_PATTERN").format(**_parts(value))


@register.filter
def on_day(value: datetime.date | None) -> str:
    """A day in the reader's language: "4 Dec 2026" (a moment's day in their time zone)."""
    if not isinstance(value, datetime.date):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value).date()
    return get_format("DATE_PATTERN").format(**_parts(value))


@register.filter
def ago(value: datetime.datetime | None) -> str:
    """Recent activity as "5 minutes ago"; older than a day, the moment itself."""
    if not isinstance(value, datetime.datetime):
        return on_day(value)
    if timezone.now() - value < RECENT:
        return naturaltime(value)
    return when(value)


@register.simple_tag
def intl_locale() -> str:
    """The locale live.js gives ``Intl`` so that it prints what ``when`` prints."""
    locale = get_format("INTL_LOCALE")  # get_format answers with the name when none is set
    return get_language() if locale == "INTL_LOCALE" else locale


register.filter("machine_time", machine_time)
