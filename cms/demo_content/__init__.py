"""Demo text for the CMS pages that `seed_demo` creates, in English, Spanish and French.

Plain data only: every text value is a dict keyed by language code ("en", "es", "fr"); `body`
values are lists of plain-text paragraphs. The program pages follow the program areas in
`cms/demo_content/forum.py` (same slugs, same order), and their titles reuse the area names given
there. Slugs are lowercase ASCII without accents. Event and publication dates are relative to the
day the demo is seeded (`starts_in_days`, `published_days_ago`). Speakers are fictional.
"""

from __future__ import annotations

from cms.demo_content.events import EVENT_INDEX, EVENTS
from cms.demo_content.home import HOME, PROGRAM_INDEX
from cms.demo_content.programs_a_to_h import PROGRAMS_A_TO_H
from cms.demo_content.programs_j_to_p import PROGRAMS_J_TO_P
from cms.demo_content.programs_s_to_v import PROGRAMS_S_TO_V
from cms.demo_content.resources import RESOURCE_INDEX, RESOURCES

# One page per program area, in the order of cms/demo_content/forum.py's PROGRAM_AREAS.
PROGRAMS = [*PROGRAMS_A_TO_H, *PROGRAMS_J_TO_P, *PROGRAMS_S_TO_V]

__all__ = [
    "EVENTS",
    "EVENT_INDEX",
    "HOME",
    "PROGRAMS",
    "PROGRAM_INDEX",
    "RESOURCES",
    "RESOURCE_INDEX",
]
