"""The demo pages `seed_demo` creates: home, programs, events and resources in en, es and fr.

Like the rest of `seed_demo`, it creates what is missing and never changes what exists: a page
an editor has rewritten stays rewritten. Pages are published through a revision, as an editor's
would be, so the admin shows their history.
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import override
from modeltranslation.utils import build_localized_fieldname
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from cms import demo_content as content
from cms.models import (
    EventIndexPage,
    EventPage,
    EventSpeaker,
    HomePage,
    ProgramIndexPage,
    ProgramPage,
    ResourceIndexPage,
    ResourcePage,
)
from forum.models import ProgramArea


def _translated(field: str, values: dict) -> dict:
    return {build_localized_fieldname(field, code): value for code, value in values.items()}


def _body(paragraphs: dict[str, list[str]]) -> dict:
    return {
        build_localized_fieldname("body", code): [
            ("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in texts
        ]
        for code, texts in paragraphs.items()
    }


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _pdf(title: str) -> bytes:
    """A one-page PDF with the title on it (a stand-in for the publication's file)."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 18 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    out += trailer.encode()
    return bytes(out)


def seed_pages() -> int:
    """Create the demo pages that are missing; returns how many were created."""
    with override("en"):
        return _seed()


def _seed() -> int:
    created = 0
    home = HomePage.objects.first()
    if home is None:
        return 0  # someone replaced the home page with their own: leave the tree alone
    if not home.intro:
        for field, values in (("title", content.HOME["title"]), ("intro", content.HOME["intro"])):
            for attribute, value in _translated(field, values).items():
                setattr(home, attribute, value)
        for code in content.HOME["title"]:
            setattr(
                home,
                build_localized_fieldname("pillars", code),
                [
                    ("pillar", {"heading": pillar["heading"][code], "text": pillar["text"][code]})
                    for pillar in content.HOME["pillars"]
                ],
            )
        home.save_revision().publish()

    programs = ProgramIndexPage.objects.child_of(home).first()
    if programs is None:
        programs = _publish(home, _index(ProgramIndexPage, content.PROGRAM_INDEX))
        created += 1
    areas = {area.slug: area for area in ProgramArea.objects.all()}
    with_page = set(ProgramPage.objects.values_list("area_id", flat=True))
    for program in content.PROGRAMS:
        area = areas.get(program["area"])
        if area is None or area.pk in with_page:
            continue
        _publish(
            programs,
            ProgramPage(
                area=area,
                **_translated("title", program["title"]),
                **_translated("slug", program["slug"]),
                **_translated("intro", program["intro"]),
                **_body(program["body"]),
            ),
        )
        created += 1

    events = EventIndexPage.objects.child_of(home).first()
    if events is None:
        events = _publish(home, _index(EventIndexPage, content.EVENT_INDEX))
        created += 1
        for event in content.EVENTS:
            _publish(events, _event(event, areas))
            created += 1

    resources = ResourceIndexPage.objects.child_of(home).first()
    if resources is None:
        resources = _publish(home, _index(ResourceIndexPage, content.RESOURCE_INDEX))
        created += 1
        for resource in content.RESOURCES:
            _publish(resources, _resource(resource, areas))
            created += 1
    return created


def _index(model, spec: dict):
    return model(
        show_in_menus=True,
        **_translated("title", spec["title"]),
        **_translated("slug", spec["slug"]),
        **_translated("intro", spec["intro"]),
    )


def _event(spec: dict, areas: dict) -> EventPage:
    zone = zoneinfo.ZoneInfo(spec["time_zone"])
    day = timezone.localdate() + timedelta(days=spec["starts_in_days"])
    starts_at = datetime.combine(day, time(15 if spec["kind"] == "webinar" else 9), tzinfo=zone)
    page = EventPage(
        kind=spec["kind"],
        area=areas.get(spec["area"]),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=spec["duration_hours"]),
        time_zone=spec["time_zone"],
        online_url=spec["online_url"],
        registration_url=spec["registration_url"],
        **_translated("title", spec["title"]),
        **_translated("slug", spec["slug"]),
        **_translated("summary", spec["summary"]),
        **_body(spec["body"]),
        **({"place_en": spec["place"]} if spec["place"] else {}),
    )
    page.speakers = [
        EventSpeaker(name=speaker["name"], **_translated("role", speaker["role"]))
        for speaker in spec["speakers"]
    ]
    return page


def _resource(spec: dict, areas: dict) -> ResourcePage:
    title = spec["title"]["en"]
    document = get_document_model().objects.create(
        title=title, file=ContentFile(_pdf(title), name=f"{spec['slug']['en']}.pdf")
    )
    page = ResourcePage(
        area=areas.get(spec["area"]),
        published_on=timezone.localdate() - timedelta(days=spec["published_days_ago"]),
        document=document,
        **_translated("title", spec["title"]),
        **_translated("slug", spec["slug"]),
        **_translated("summary", spec["summary"]),
        **_body(spec["body"]),
    )
    page.topics.add(*spec["topics"])
    return page
