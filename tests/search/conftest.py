"""Search fixtures: a small multilingual forum, written through the services and indexed by
draining the queue, as the worker does after each commit."""

from __future__ import annotations

import pytest

from forum.models import Post
from forum.search.queue import drain
from forum.services.moderation import hide_post
from forum.services.posting import post_reply, start_thread
from tests.factories import BoardFactory, ProgramAreaFactory
from tests.forum.moderation_helpers import area_moderator


def post(board, author, title, body, language, **kwargs):
    return start_thread(
        author=author, board=board, title=title, body=body, language=language, **kwargs
    )


@pytest.fixture
def indexed():
    """Call to bring the index up to date (what the drain after each commit does)."""

    def run():
        report = drain()
        assert not report.error, report.error
        return report

    return run


@pytest.fixture
def other_area(db):
    return ProgramAreaFactory(slug="victims-rights", name_en="Victims' Rights")


@pytest.fixture
def corpus(boards, other_area, member, other_member, group_member, moderator, indexed):
    """Posts in five languages and three visibilities, one pending and one hidden."""
    victims = BoardFactory(area=other_area, slug="support", name_en="Victim support")
    texts = {
        "public_en": post(
            boards["public"],
            member,
            "Charging juvenile offenders",
            "Prosecutors weigh diversion programs before charging juveniles.",
            "en",
        ),
        "public_es": post(
            boards["public"],
            other_member,
            "Entrevistas a niños",
            "Las entrevistas forenses a los niños víctimas requieren especialistas.",
            "es",
        ),
        "public_fr": post(
            victims,
            member,
            "Droits des victimes",
            "Les victimes doivent être informées de chaque audience du procès.",
            "fr",
        ),
        "public_ru": post(
            victims,
            other_member,
            "Права потерпевших",
            "Прокуроры обсуждают преступления против несовершеннолетних.",
            "ru",
        ),
        "public_zh": post(
            victims,
            member,
            "儿童保护工作",
            "检察官讨论儿童保护和家庭暴力案件。",
            "zh-hans",
        ),
        "members_en": post(
            boards["members"],
            member,
            "Sealed diversion records",
            "Members discuss sealed diversion records for juveniles.",
            "en",
        ),
        "groups_en": post(
            boards["groups"],
            group_member,
            "Council diversion budget",
            "The council reviews the diversion budget in confidence.",
            "en",
        ),
    }
    hidden = post_reply(
        author=other_member,
        thread=texts["public_en"].thread,
        body="A rude reply about diversion that a moderator hid.",
        language="en",
    )
    hide_post(actor=moderator, post=hidden, reason="Rude.")
    texts["hidden_en"] = Post.objects.get(pk=hidden.pk)
    pending = post_reply(
        author=other_member,
        thread=texts["public_en"].thread,
        body="A diversion reply still awaiting review.",
        language="en",
    )
    pending.state = Post.State.PENDING  # as if held for review (tests/forum cover holding)
    pending.save(update_fields=["state"])
    texts["pending_en"] = pending
    indexed()
    return texts


@pytest.fixture
def area_mod(area):
    return area_moderator("areamod", area)
