"""Files attached to posts (issue 23): pictures, PDF and office documents, checked from their
bytes, stored re-encoded or as sent under a random name, shown in the post (thumbnails for
pictures), served only to who may read the post, and every bad file told by name with the
text typed kept.

Every file is made here (Pillow, pypdf, zipfile) and goes through the real forms and views;
media is written to a temporary MEDIA_ROOT.
"""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from forum import limits
from forum.models import Attachment, Event, Post
from forum.services.attachments import sweep_unsent
from forum.services.moderation import hide_post
from forum.services.posting import delete_post
from forum.services.privacy import delete_account, export_member_data
from tests.factories import signed_in, thread_with_posts
from tests.forum.test_uploads import photo_with_location, picture, png_claiming


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def pdf(*, script: bool = False, pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if script:  # a script that runs on opening
        action = DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert(1)"),
            }
        )
        writer.root_object[NameObject("/OpenAction")] = writer._add_object(action)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def office(kind: str = "docx", *, macros: bool = False, bomb: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if kind == "odt":
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            archive.writestr("content.xml", "<office:document-content/>")
        else:
            folder = {"docx": "word", "xlsx": "xl", "pptx": "ppt"}[kind]
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr(f"{folder}/document.xml", "<w:document>Guideline</w:document>")
        if macros:
            archive.writestr("word/vbaProject.bin", b"\x00macro")
        if bomb:  # 20 MB of zeros packs into some 20 KB
            archive.writestr("word/media/zeros.bin", b"\x00" * (20 * 1024 * 1024))
    return buffer.getvalue()


def file(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def stored_files(media_root: Path) -> list[Path]:
    folder = media_root / "attachments"
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.fixture
def thread(boards, member, other_member):
    return thread_with_posts(board=boards["public"], author=other_member, title="Guidelines")


def reply(client, thread, *files, body="Here is the guideline we use.", **more):
    data = {"body": body, "language": "en", **more}
    if files:
        data["attach"] = list(files)
    return client.post(f"/en/t/{thread.pk}/reply/", data)


@pytest.mark.django_db
def test_a_reply_carries_a_pdf_and_a_picture_shown_to_its_readers(
    member, other_member, thread, media_root
):
    client = signed_in(member)
    sent_pdf = pdf()

    response = reply(
        client,
        thread,
        file(sent_pdf, "Diversion guideline.pdf"),
        file(photo_with_location(), "scene.jpg"),
    )

    assert response.status_code == 302
    post = Post.objects.get(thread=thread, position=2)
    document, photo = post.attachments.order_by("pk")
    assert post.attachment_count == 2
    assert (document.kind, document.name, document.size) == (
        "pdf",
        "Diversion guideline.pdf",
        len(sent_pdf),
    )
    assert (photo.kind, photo.name, photo.content_type) == ("image", "scene.jpg", "image/jpeg")
    # Stored under random names, never the uploaded ones.
    assert not any(
        "Diversion" in path.name or "scene" in path.name for path in stored_files(media_root)
    )
    # Every reader of the thread sees them: the document by name, the picture as a thumbnail.
    page = signed_in(other_member).get(f"/en/t/{thread.pk}/").text
    assert f'href="/en/attachments/{document.pk}/Diversion%20guideline.pdf" download' in page
    assert f'src="/en/attachments/{photo.pk}/thumbnail/"' in page
    assert "PDF document" in page
    # The document downloads as sent, under its name; the browser guesses nothing, runs nothing.
    got = signed_in(other_member).get(f"/en/attachments/{document.pk}/Diversion%20guideline.pdf")
    assert got.status_code == 200
    assert b"".join(got.streaming_content) == sent_pdf
    assert got["Content-Type"] == "application/pdf"
    assert got["Content-Disposition"].startswith("attachment;")
    assert got["X-Content-Type-Options"] == "nosniff"
    assert got["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "private" in got["Cache-Control"]


@pytest.mark.django_db
def test_a_picture_is_re_encoded_without_its_location_and_has_a_thumbnail(
    member, thread, media_root
):
    sent = photo_with_location() + b"<html><script>alert(1)</script></html>"  # a polyglot
    response = reply(signed_in(member), thread, file(sent, "photo.jpg"))
    assert response.status_code == 302
    photo = Attachment.objects.get()

    full = signed_in(member).get(f"/en/attachments/{photo.pk}/photo.jpg")
    data = b"".join(full.streaming_content)
    assert full["Content-Disposition"].startswith("inline;")
    assert b"<script>" not in data
    assert b"PhoneMaker" not in data
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert not image.getexif()
    assert (image.width, image.height) == (600, 800)  # the phone's orientation applied
    thumb = signed_in(member).get(f"/en/attachments/{photo.pk}/thumbnail/")
    small = Image.open(io.BytesIO(b"".join(thumb.streaming_content)))
    assert thumb["Content-Type"] == "image/webp"
    assert max(small.size) == limits.ATTACHMENT_THUMBNAIL_SIDE
    assert small.size == photo.thumbnail_size


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.pdf", "empty.pdf: the file is empty."),
        (
            picture("PNG"),
            "report.pdf",
            "report.pdf: its name ends in .pdf, but its content is not a .pdf file.",
        ),
        (
            b"MZ\x90\x00" + b"\x00" * 500,
            "tool.docx",
            "tool.docx: its name ends in .docx, but its content is not a .docx file.",
        ),
        (
            pdf(),
            "notes.jpg",
            "notes.jpg: its name ends in .jpg, but its content is not a .jpg file.",
        ),
        (
            office("docx"),
            "sheet.xlsx",
            "sheet.xlsx: its name ends in .xlsx, but its content is not a .xlsx file.",
        ),
        (
            b"MZ\x90\x00program",
            "setup.exe",
            "setup.exe: only pictures (JPEG, PNG, WebP, GIF), PDF and office documents",
        ),
        (b"<svg onload=alert(1)>", "logo.svg", "logo.svg: only pictures"),
        (
            office("docx", bomb=True),
            "bomb.docx",
            "bomb.docx: the document unpacks to far more than its size (a zip bomb).",
        ),
        (office("docx", macros=True), "macro.docx", "macro.docx: the document holds macros"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.doc", "old.doc: only pictures"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
            "old.docx",
            "old.docx: older Office files (.doc, .xls, .ppt) can hold macros",
        ),
        (pdf(script=True), "form.pdf", "form.pdf: the PDF holds a script"),
        (
            b"%PDF-1.7\nnot really a pdf",
            "broken.pdf",
            "broken.pdf: its name ends in .pdf, but its content is not a .pdf file.",
        ),
        (
            png_claiming(100_000, 100_000),
            "bomb.png",
            "bomb.png: This picture has too many pixels; the largest accepted is 40 megapixels.",
        ),
        (
            picture("PNG")[:60],
            "cut.png",
            "cut.png: its name ends in .png, but its content is not a .png file.",
        ),
    ],
    ids=[
        "0 bytes",
        "picture named pdf",
        "program named docx",
        "pdf named jpg",
        "docx named xlsx",
        "program",
        "svg",
        "zip bomb",
        "macros",
        "legacy doc",
        "legacy named docx",
        "pdf script",
        "broken pdf",
        "decompression bomb",
        "truncated picture",
    ],
)
def test_a_bad_file_is_refused_by_name_with_the_text_kept(
    member, thread, media_root, content, name, message
):
    response = reply(signed_in(member), thread, file(content, name), body="My words, kept.")

    assert response.status_code == 200
    assert message in response.text.replace("&#x27;", "'")
    assert "My words, kept." in response.text
    assert not Attachment.objects.exists()
    assert stored_files(media_root) == []
    assert Post.objects.filter(thread=thread).count() == 1


@pytest.mark.django_db
def test_a_100_mb_file_is_told_too_large_and_only_its_start_is_ever_kept(
    member, thread, media_root
):
    big = file(b"%PDF-" + b"\x00" * (100 * 1024 * 1024), "scan.pdf")

    response = reply(signed_in(member), thread, big, body="The scan is attached.")

    assert "scan.pdf: the file is 100.0\xa0MB; the largest accepted is 10.0\xa0MB." in response.text
    assert "The scan is attached." in response.text
    assert not Attachment.objects.exists()


@pytest.mark.django_db
def test_office_documents_and_other_pictures_are_accepted(member, thread, media_root):
    files = [
        file(office("docx"), "brief.docx"),
        file(office("odt"), "minutes.odt"),
        file(picture("PNG", mode="RGBA"), "chart.png"),
        file(picture("GIF"), "diagram.gif"),
        file(picture("PNG"), "wrong.jpg"),  # a picture under another picture's name
    ]
    assert reply(signed_in(member), thread, *files).status_code == 302

    names = list(Attachment.objects.order_by("pk").values_list("name", "content_type"))
    assert names == [
        ("brief.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("minutes.odt", "application/vnd.oasis.opendocument.text"),
        ("chart.png", "image/png"),
        ("diagram.png", "image/png"),  # stored as what it now is
        ("wrong.png", "image/png"),
    ]


@pytest.mark.django_db
def test_a_form_refused_for_its_text_keeps_the_files_ticked_and_sends_them_next_time(
    member, thread, media_root
):
    client = signed_in(member)
    first = reply(client, thread, file(pdf(), "kept.pdf"), body="")  # no text: refused
    kept = Attachment.objects.get()
    assert first.status_code == 200
    assert f'value="{kept.pk}"' in first.text
    assert "checked" in first.text.split(f'value="{kept.pk}"')[1][:40]
    assert kept.post_id is None

    second = reply(client, thread, body="Now with the text.", attachments=[kept.pk])

    assert second.status_code == 302
    kept.refresh_from_db()
    assert kept.post.body_source == "Now with the text."


@pytest.mark.django_db
def test_more_than_five_files_are_refused_and_none_is_lost(member, thread, media_root):
    files = [file(pdf(), f"part{n}.pdf") for n in range(limits.ATTACHMENTS_PER_POST + 1)]

    response = reply(signed_in(member), thread, *files, body="Six parts.")

    assert "At most 5 files can be attached" in response.text
    assert "Six parts." in response.text
    assert not Attachment.objects.exists()


@pytest.mark.django_db
def test_someone_elses_unsent_file_cannot_be_attached(member, other_member, thread, media_root):
    reply(signed_in(other_member), thread, file(pdf(), "theirs.pdf"), body="")
    theirs = Attachment.objects.get()

    response = reply(signed_in(member), thread, body="Taking it.", attachments=[theirs.pk])

    assert "A file attached earlier is no longer available; attach it again." in response.text
    theirs.refresh_from_db()
    assert theirs.post_id is None
    # Nor read it: an unsent file is its uploader's alone.
    assert signed_in(member).get(f"/en/attachments/{theirs.pk}/theirs.pdf").status_code == 404
    assert signed_in(other_member).get(f"/en/attachments/{theirs.pk}/theirs.pdf").status_code == 200


@pytest.mark.django_db
def test_a_new_thread_carries_files_too(member, boards, media_root):
    response = signed_in(member).post(
        "/en/b/juvenile-justice/general/new/",
        {
            "title": "Our diversion protocol",
            "body": "Attached.",
            "language": "en",
            "attach": [file(pdf(), "protocol.pdf")],
        },
    )
    assert response.status_code == 302
    assert Attachment.objects.get().post.position == 1


@pytest.mark.django_db
def test_editing_removes_an_unticked_file_and_adds_a_new_one(
    member, thread, media_root, django_capture_on_commit_callbacks
):
    client = signed_in(member)
    reply(client, thread, file(pdf(), "old.pdf"), file(pdf(), "stays.pdf"))
    post = Post.objects.get(thread=thread, position=2)
    old, stays = post.attachments.order_by("pk")
    form = client.get(f"/en/posts/{post.pk}/edit/").text
    assert f'value="{old.pk}"' in form
    assert f'value="{stays.pk}"' in form

    with django_capture_on_commit_callbacks(execute=True):
        edited = client.post(
            f"/en/posts/{post.pk}/edit/",
            {
                "body": post.body_source,
                "language": "en",
                "seen_edit_count": 0,
                "attachments": [stays.pk],
                "attach": [file(office("xlsx"), "figures.xlsx")],
            },
        )

    assert edited.status_code == 302
    post.refresh_from_db()
    assert sorted(post.attachments.values_list("name", flat=True)) == ["figures.xlsx", "stays.pdf"]
    assert post.attachment_count == 2
    assert not Attachment.objects.filter(pk=old.pk).exists()
    assert len(stored_files(media_root)) == 2  # the old file went with its row
    assert Event.objects.filter(kind="post.edited").exists()


@pytest.mark.django_db
def test_who_may_fetch_a_file_follows_its_post(member, other_member, moderator, boards, media_root):
    private = thread_with_posts(board=boards["members"], author=other_member, title="Members only")
    reply(signed_in(other_member), private, file(pdf(), "case.pdf"))
    attachment = Attachment.objects.get()
    url = f"/en/attachments/{attachment.pk}/case.pdf"
    assert Client().get(url).status_code == 404  # a visitor may not read the board
    assert signed_in(member).get(url).status_code == 200
    hide_post(actor=moderator, post=attachment.post, reason="Names a victim.")
    assert signed_in(member).get(url).status_code == 404
    assert signed_in(other_member).get(url).status_code == 200  # its author still reads it
    assert signed_in(moderator).get(url).status_code == 200
    delete_post(actor=other_member, post=attachment.post)
    assert signed_in(other_member).get(url).status_code == 404
    assert signed_in(moderator).get(url).status_code == 200  # on record for the moderators
    assert Client().get("/en/attachments/999999/x.pdf").status_code == 404


@pytest.mark.django_db
def test_a_post_arriving_live_carries_its_files(member, thread, media_root):
    reply(signed_in(member), thread, file(pdf(), "live.pdf"))
    attachment = Attachment.objects.get()

    event = Event.objects.filter(kind="post.created").latest("pk")

    assert event.payload["attachments"] == [
        {
            "url": f"/en/attachments/{attachment.pk}/live.pdf",
            "name": "live.pdf",
            "kind": "pdf",
            "size": attachment.size,
        }
    ]


@pytest.mark.django_db
def test_files_do_not_add_a_query_per_post(member, other_member, thread, media_root):
    client = signed_in(member)
    reply(client, thread, file(pdf(), "one.pdf"))
    reader = signed_in(other_member)
    reader.get("/en/")  # the session's first page marks the visit
    with CaptureQueriesContext(connection) as one:  # drawn afresh: the thread just changed
        reader.get(f"/en/t/{thread.pk}/")
    for n in range(4):
        reply(
            client,
            thread,
            file(pdf(), f"more{n}.pdf"),
            file(picture("PNG"), f"p{n}.png"),
            body=f"Reply {n} with files.",
        )
    with CaptureQueriesContext(connection) as five:  # drawn afresh again
        page = reader.get(f"/en/t/{thread.pk}/").text
    assert page.count('class="attachment ') == 9
    assert len(five) == len(one)


@pytest.mark.django_db
def test_unsent_files_are_swept_after_a_day_and_go_with_the_account(
    member, thread, media_root, django_capture_on_commit_callbacks
):
    client = signed_in(member)
    reply(client, thread, file(pdf(), "forgotten.pdf"), body="")
    reply(client, thread, file(pdf(), "sent.pdf"))
    assert len(stored_files(media_root)) == 2

    assert sweep_unsent() == 0
    Attachment.objects.filter(name="forgotten.pdf").update(
        created_at=timezone.now() - timedelta(hours=limits.UNSENT_ATTACHMENT_HOURS + 1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        swept = sweep_unsent()
    assert swept == 1
    assert [a.name for a in Attachment.objects.all()] == ["sent.pdf"]
    assert len(stored_files(media_root)) == 1

    export = export_member_data(member=member)
    assert [(a["name"], a["kind"]) for a in export["attachments"]] == [("sent.pdf", "pdf")]
    reply(client, thread, file(pdf(), "unsent.pdf"), body="")
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(member=member)
    assert [a.name for a in Attachment.objects.all()] == ["sent.pdf"]  # it stays with its post
    assert len(stored_files(media_root)) == 1


@pytest.mark.django_db
def test_a_pdf_with_named_destinations_and_a_page_opening_is_accepted(member, thread, media_root):
    # Ordinary PDFs hold an indirect /Names tree and an /OpenAction that opens a page: neither
    # runs anything.
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_named_destination("chapter-1", 0)
    writer.open_destination = writer.pages[0]
    buffer = io.BytesIO()
    writer.write(buffer)

    response = reply(signed_in(member), thread, file(buffer.getvalue(), "report.pdf"))

    assert response.status_code == 302
    assert Attachment.objects.get().name == "report.pdf"


@pytest.mark.django_db
@pytest.mark.parametrize("sent", ["99999999999999999999", "-1", "x", "1.5", "\u00b2"])
def test_a_kept_file_id_no_file_can_have_is_told_not_a_500(member, thread, media_root, sent):
    # Found by the fuzz suite: a number past SQLite's integers overflowed in the query.
    response = reply(signed_in(member), thread, body="Text kept.", attachments=[sent])

    assert response.status_code == 200
    assert "A file attached earlier is no longer available; attach it again." in response.text
    assert "Text kept." in response.text
