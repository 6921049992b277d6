"""Fixtures of the forum tests (the site-wide ones are in tests/conftest.py)."""

import pytest

from tests.factories import BoardFactory, ProgramAreaFactory, thread_with_posts, verified_member
from tests.forum.moderation_helpers import area_moderator


@pytest.fixture
def other_area(db):
    return ProgramAreaFactory(slug="cybercrime", name_en="Cybercrime")


@pytest.fixture
def elsewhere(other_area):
    """A board in another program area."""
    return BoardFactory(area=other_area, slug="elsewhere", name_en="Elsewhere")


@pytest.fixture
def area_mod(area):
    return area_moderator("areamod", area)


@pytest.fixture
def third(db):
    return verified_member("third")


@pytest.fixture
def thread(boards, member, other_member):
    """member's thread in the public board, with two replies by other_member."""
    return thread_with_posts(
        board=boards["public"], author=member, replies=2, repliers=[other_member]
    )
