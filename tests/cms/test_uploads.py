"""Wagtail images and documents: what an editor may upload, and how the files are served.

Uploads go through the Wagtail admin's own views as an editor; files are real (Pillow, a real
PDF, a real ZIP) and land in the temporary MEDIA_ROOT of tests/cms/conftest.py.
"""

import io
import os
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from cms.seed import _pdf
from tests.factories import UserFactory

Document = get_document_model()
WagtailImage = get_image_model()
PICTURE_POLICY = "default-src 'none'; sandbox"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def editor(db):
    user = UserFactory(username="editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def picture(fmt="PNG", size=(320, 200), mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, 90).save(buffer, format=fmt)
    return buffer.getvalue()


def noise_png(size: int) -> bytes:
    """A real PNG that does not compress: random pixels."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", (size, size), os.urandom(size * size * 3)).save(buffer, format="PNG")
    return buffer.getvalue()


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><document/>')
    return buffer.getvalue()


def add_image(client, name: str, content: bytes, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Conference photo",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def add_document(client, name: str, content: bytes, content_type="application/octet-stream"):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Bylaws",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def assert_served_as_picture(response, content_type: str) -> None:
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == PICTURE_POLICY
    assert response["Cache-Control"].startswith("public, max-age=")


# --- Images ------------------------------------------------------------------------------


def test_an_editors_image_and_its_renditions_are_served_as_pictures(client, editor):
    client.force_login(editor)

    response = add_image(client, "conference.png", picture())

    assert response.status_code == 302
    image = WagtailImage.objects.get()
    rendition = image.get_rendition("fill-80x80|format-webp")
    client.logout()  # pictures are public, like the pages that show them
    original = client.get(image.file.url)
    assert_served_as_picture(original, "image/png")
    assert b"".join(original.streaming_content) == image.file.open("rb").read()
    assert rendition.url.startswith("/media/images/")
    assert_served_as_picture(client.get(rendition.url), "image/webp")


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.svg", SVG, "Not a supported image format"),
        ("logo.png", SVG, "Not a valid .png image"),
        ("page.jpg", b"<!doctype html><script>alert(1)</script>", "Upload a valid image"),
        ("photo.jpg", picture("PNG"), "Not a valid .jpeg image"),  # the name must tell the truth
    ],
)
def test_svg_and_other_non_pictures_are_refused_as_images(client, editor, name, content, message):
    client.force_login(editor)

    response = add_image(client, name, content, "image/svg+xml")

    assert response.status_code == 200
    assert message in response.text
    assert not WagtailImage.objects.exists()


def test_an_image_over_the_size_limit_is_refused(client, editor):
    content = noise_png(1900)  # about 10.3 MiB of random pixels
    assert len(content) > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    client.force_login(editor)

    response = add_image(client, "huge.png", content)

    assert response.status_code == 200
    assert "This file is too big" in response.text
    assert not WagtailImage.objects.exists()


def test_an_image_with_too_many_pixels_is_refused(client, editor):
    content = picture(size=(8000, 6000), mode="1")  # 48 megapixels in a few kilobytes
    client.force_login(editor)

    response = add_image(client, "wide.png", content)

    assert response.status_code == 200
    assert "This file has too many pixels" in response.text
    assert not WagtailImage.objects.exists()


# --- Documents ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("agenda.html", b"<!doctype html><script>alert(1)</script>", "is not allowed"),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "is not allowed"),
        ("feed.xml", b'<?xml version="1.0"?><feed/>', "is not allowed"),
        ("app.js", b"alert(1)", "is not allowed"),
        ("report.pdf", b"<!doctype html><script>alert(1)</script>", "(.pdf) says"),
        ("minutes.docx", _pdf("Minutes"), "(.docx) says"),
        ("notes.txt", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "(.txt) says"),  # a program
    ],
)
def test_documents_of_other_types_or_with_other_content_are_refused(
    client, editor, name, content, message
):
    client.force_login(editor)

    response = add_document(client, name, content, "text/html")

    assert response.status_code == 200
    assert message in response.text
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("url", "name", "content", "message"),
    [
        ("/admin/images/multiple/add/", "logo.svg", SVG, "Not a supported image format"),
        ("/admin/documents/multiple/add/", "agenda.html", b"<script></script>", "not allowed"),
        ("/admin/documents/multiple/add/", "report.pdf", b"<script></script>", "(.pdf) says"),
    ],
)
def test_the_drag_and_drop_uploader_applies_the_same_checks(
    client, editor, url, name, content, message
):
    client.force_login(editor)

    response = client.post(
        url,
        {
            "files[]": SimpleUploadedFile(name, content, content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.json()["success"] is False
    assert message in response.json()["error_message"]
    assert not WagtailImage.objects.exists()
    assert not Document.objects.exists()


def test_a_document_over_the_size_limit_is_refused(client, editor):
    content = b"x" * (settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + 1)
    client.force_login(editor)

    response = add_document(client, "minutes.txt", content, "text/plain")

    assert response.status_code == 200
    assert "This file is too big" in response.text
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type", "disposition"),
    [
        ("bylaws.pdf", _pdf("Bylaws"), "application/pdf", "inline"),
        ("minutes.txt", "Minutes, café.\n".encode("cp1252"), "text/plain", "inline"),
        ("members.csv", b"name,country\nAna,Chile\n", "text/csv", "attachment"),
        ("template.docx", docx(), DOCX, "attachment"),
    ],
)
def test_documents_are_served_by_wagtails_view_and_never_from_media(
    client, editor, media_root, name, content, content_type, disposition
):
    client.force_login(editor)
    assert add_document(client, name, content).status_code == 302
    document = Document.objects.get()
    client.logout()

    response = client.get(document.url)

    assert document.url.startswith("/documents/")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].split(";")[0] == disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(response.streaming_content) == content
    assert (media_root / document.file.name).exists()
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_a_document_in_a_private_collection_is_only_served_to_members(client, member):
    private = Collection.get_first_root_node().add_child(name="Council papers")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Council minutes",
        collection=private,
        file=ContentFile(_pdf("Council minutes"), name="council.pdf"),
    )

    assert client.get(document.url).status_code == 302  # to the sign-in page
    assert client.get(f"/media/{document.file.name}").status_code == 404
    client.force_login(member)
    assert client.get(document.url).status_code == 200


# --- The media view ----------------------------------------------------------------------


@pytest.fixture
def media_files(db, media_root) -> Path:
    """A picture in each served folder, and files that must never be served."""
    for folder in ("images", "original_images", "avatars", "documents"):
        (media_root / folder).mkdir(parents=True, exist_ok=True)
    (media_root / "avatars" / "a.webp").write_bytes(picture("WEBP"))
    (media_root / "images" / "r.jpg").write_bytes(picture("JPEG"))
    (media_root / "original_images" / "o.gif").write_bytes(picture("GIF"))
    (media_root / "documents" / "x.pdf").write_bytes(_pdf("Private"))
    (media_root / "images" / "x.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    (media_root / "images" / "x.html").write_bytes(b"<script>alert(1)</script>")
    (media_root / "secret.png").write_bytes(picture())
    (media_root / "images" / "escape.png").symlink_to(media_root / "secret.png")
    return media_root


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("avatars/a.webp", "image/webp"),
        ("images/r.jpg", "image/jpeg"),
        ("original_images/o.gif", "image/gif"),
    ],
)
def test_pictures_are_served_with_a_fixed_type_nosniff_and_a_sandbox(
    client, media_files, path, content_type
):
    response = client.get(f"/media/{path}")

    assert_served_as_picture(response, content_type)
    assert b"".join(response.streaming_content) == (media_files / path).read_bytes()


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/x.pdf",
        "/media/../settings.py",
        "/media/%2e%2e/config/settings.py",
        "/media/images/../../config/settings.py",
        "/media/images/../documents/x.pdf",
        "/media/images/x.svg",
        "/media/images/x.html",
        "/media/images/missing.png",
        "/media/images/",
        "/media/secret.png",
        "/media/images/escape.png",
        "/media/images/%00.png",
    ],
)
def test_anything_else_under_media_is_not_found(client, media_files, path):
    # A folder's address goes on to /en/media/images/ (LocaleMiddleware), a 404 as well.
    assert client.get(path, follow=True).status_code == 404


def test_a_picture_answers_not_modified_and_refuses_writes(client, media_files):
    first = client.get("/media/avatars/a.webp")

    again = client.get(
        "/media/avatars/a.webp", headers={"If-Modified-Since": first["Last-Modified"]}
    )

    assert again.status_code == 304
    assert first["Cache-Control"] == "public, max-age=31536000, immutable"
    assert client.post("/media/avatars/a.webp").status_code == 405
