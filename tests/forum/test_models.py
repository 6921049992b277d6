import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import translation

from forum.models import Board, ProgramArea
from tests.factories import BoardFactory, ProgramAreaFactory


@pytest.mark.django_db
def test_area_name_is_shown_in_the_active_language():
    area = ProgramAreaFactory(name_en="Victims' Rights", name_es="Derechos de las víctimas")

    with translation.override("es"):
        assert ProgramArea.objects.get(pk=area.pk).name == "Derechos de las víctimas"
    with translation.override("en"):
        assert ProgramArea.objects.get(pk=area.pk).name == "Victims' Rights"


@pytest.mark.django_db
def test_missing_translation_falls_back_to_english():
    board = BoardFactory(name_en="General discussion", name_fr="Discussion générale")

    with translation.override("de"):
        assert Board.objects.get(pk=board.pk).name == "General discussion"


@pytest.mark.django_db
def test_board_slug_is_unique_within_its_area_only(area):
    BoardFactory(area=area, slug="general")
    BoardFactory(slug="general")  # another area: fine

    with pytest.raises(IntegrityError), transaction.atomic():
        BoardFactory(area=area, slug="general")


@pytest.mark.django_db
def test_unknown_visibility_is_refused_by_the_database(area):
    with pytest.raises(IntegrityError), transaction.atomic():
        Board.objects.create(area=area, slug="odd", name_en="Odd", visibility="secret")


@pytest.mark.django_db
def test_areas_and_boards_are_ordered_by_position():
    late = ProgramAreaFactory(position=20)
    early = ProgramAreaFactory(position=10)
    b2 = BoardFactory(area=early, position=5)
    b1 = BoardFactory(area=early, position=1)

    assert list(ProgramArea.objects.all()) == [early, late]
    assert list(early.boards.all()) == [b1, b2]


@pytest.mark.django_db
def test_an_area_with_boards_cannot_be_deleted(boards, area):
    with pytest.raises(ProtectedError):
        area.delete()
