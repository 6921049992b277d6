"""The board-visibility matrix: every role against every visibility, both the single check and the
queryset filter, so the two can never disagree."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from forum.permissions import can_see_board, check_see_board, visible_boards
from tests.factories import BoardFactory, GroupFactory, UserFactory

# role → the visibilities it may read
MATRIX = {
    "visitor": {"public"},
    "inactive": {"public"},
    "member": {"public", "members"},
    "group_member": {"public", "members", "groups"},
    "staff": {"public", "members", "groups"},
}


@pytest.fixture
def roles(member, group_member, staff):
    return {
        "visitor": AnonymousUser(),
        "inactive": UserFactory(username="gone", is_active=False),
        "member": member,
        "group_member": group_member,
        "staff": staff,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
@pytest.mark.parametrize("visibility", ["public", "members", "groups"])
def test_board_visibility_matrix(roles, boards, role, visibility):
    user, board = roles[role], boards[visibility]
    expected = visibility in MATRIX[role]

    assert can_see_board(user, board) is expected
    assert visible_boards(user).filter(pk=board.pk).exists() is expected


@pytest.mark.django_db
def test_hidden_board_raises_404_not_403(boards):
    with pytest.raises(Http404):
        check_see_board(AnonymousUser(), boards["members"])
    check_see_board(AnonymousUser(), boards["public"])


@pytest.mark.django_db
def test_a_groups_board_with_no_group_is_readable_by_staff_only(area, group_member, staff):
    orphan = BoardFactory(area=area, visibility="groups")

    assert not can_see_board(group_member, orphan)
    assert can_see_board(staff, orphan)


@pytest.mark.django_db
def test_visible_boards_lists_each_board_once_for_a_member_of_two_allowed_groups(area):
    first, second = GroupFactory(), GroupFactory()
    BoardFactory(area=area, visibility="groups", allowed_groups=[first, second])
    user = UserFactory(groups=[first, second])

    assert visible_boards(user).count() == 1
