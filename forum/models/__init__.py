from forum.models.areas import ProgramArea
from forum.models.boards import Board

__all__ = ["Board", "ProgramArea"]
