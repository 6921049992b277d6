"""The association's pages: home, programs, events, resources and plain pages.

Every text field is translated field by field (cms/translation.py, wagtail-modeltranslation):
``title_en``, ``title_es``, ... A language left empty falls back to English, and the page says
so (``fallback_fields``); URLs are per language because slugs are translated too.

One module per page family; Django and Wagtail find the models through this package, and
migrations name ``cms.models.time_zone_choices``, so everything is re-exported here.
"""

# isort: off
# In the order the page types were first defined in (Wagtail lists page types in that order).
from cms.models.pages import (
    LISTING_PAGE_SIZE,
    VISITOR_CACHE_SECONDS,
    SitePage,
    route_by_localized_slug,
    taken_by_the_site,
)
from cms.models.home import HomePage
from cms.models.programs import ProgramIndexPage, ProgramPage
from cms.models.events import EventIndexPage, EventPage, EventSpeaker, time_zone_choices
from cms.models.resources import ResourceIndexPage, ResourcePage, ResourceTopic
from cms.models.standard import StandardPage
# isort: on

__all__ = [
    "LISTING_PAGE_SIZE",
    "VISITOR_CACHE_SECONDS",
    "EventIndexPage",
    "EventPage",
    "EventSpeaker",
    "HomePage",
    "ProgramIndexPage",
    "ProgramPage",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourceTopic",
    "SitePage",
    "StandardPage",
    "route_by_localized_slug",
    "taken_by_the_site",
    "time_zone_choices",
]
