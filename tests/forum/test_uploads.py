"""Member avatars: only real pictures, within limits, stored re-encoded under a random name,
shown beside posts, and deleted with a replacement, a removal or the account.

Every file is made with Pillow and goes through the real profile form and view; media is
written to a temporary MEDIA_ROOT.
"""

import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from forum import limits
from forum.models import Profile
from forum.services.members import touch_pages_showing
from forum.services.privacy import delete_account, export_member_data
from forum.uploads import reencode_avatar
from tests.factories import thread_with_posts

PROFILE_URL = "/en/accounts/profile/"
STORED_NAME = re.compile(r"^avatars/[0-9a-f]{32}\.webp$")
NOT_A_PICTURE = "This file is not a picture in JPEG, PNG, WebP or GIF format."


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def picture(fmt: str = "JPEG", size=(640, 480), mode: str = "RGB", **save) -> bytes:
    image = Image.new(mode, size, "#3366aa" if mode != "RGBA" else (51, 102, 170, 128))
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save)
    return buffer.getvalue()


def photo_with_location() -> bytes:
    """A JPEG as a phone takes it: EXIF with a camera, a GPS position and an orientation."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° to show
    exif.get_ifd(0x8825).update({1: "S", 2: (33.0, 27.0, 0.0), 3: "W", 4: (70.0, 40.0, 0.0)})
    return picture("JPEG", size=(800, 600), exif=exif.tobytes())


def upload(content: bytes, name: str = "me.jpg", content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def profile_form(member, **changes) -> dict:
    profile = member.profile
    return {
        "display_name": profile.display_name,
        "time_zone": profile.time_zone,
        "country": profile.country,
        "organization": profile.organization,
    } | changes


def stored_avatars(media_root: Path) -> list[Path]:
    folder = media_root / "avatars"
    return sorted(folder.iterdir()) if folder.exists() else []


def png_claiming(width: int, height: int) -> bytes:
    """A real 1x1 PNG whose header claims another size: Pillow reads the size, not the pixels."""
    data = bytearray(picture("PNG", size=(1, 1)))
    ihdr = 8 + 8  # signature, then the IHDR chunk's length and type
    data[ihdr : ihdr + 8] = struct.pack(">II", width, height)
    body = bytes(data[ihdr - 4 : ihdr + 13])  # type + 13 bytes of IHDR data
    data[ihdr + 13 : ihdr + 17] = struct.pack(">I", zlib.crc32(body))
    return bytes(data)


def test_a_photo_is_stored_square_re_encoded_without_metadata_under_a_random_name(
    client, member, media_root
):
    # A polyglot: a real JPEG with an HTML payload after its end.
    sent = photo_with_location() + b"<html><script>alert(document.cookie)</script></html>"
    client.force_login(member)

    response = client.post(
        PROFILE_URL, profile_form(member, avatar=upload(sent, "holiday-in-santiago.jpg"))
    )

    assert response.status_code == 302
    member.profile.refresh_from_db()
    assert STORED_NAME.match(member.profile.avatar.name)
    stored = Path(member.profile.avatar.path).read_bytes()
    assert b"<script" not in stored
    assert b"PhoneMaker" not in stored
    assert b"Exif" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert (image.format, image.size) == ("WEBP", (limits.AVATAR_SIZE, limits.AVATAR_SIZE))
        assert not image.getexif()
        assert "exif" not in image.info
        assert "xmp" not in image.info
    assert stored_avatars(media_root) == [Path(member.profile.avatar.path)]


@pytest.mark.parametrize(
    ("fmt", "mode", "extra"),
    [
        ("JPEG", "RGB", {}),
        ("PNG", "RGBA", {}),
        ("WEBP", "RGB", {}),
        ("GIF", "P", {"save_all": True, "append_images": [Image.new("P", (300, 200), 3)]}),
    ],
)
def test_each_accepted_format_becomes_a_square_webp(fmt, mode, extra):
    stored = reencode_avatar(upload(picture(fmt, size=(300, 200), mode=mode, **extra)))

    with Image.open(io.BytesIO(stored.read())) as image:
        assert (image.format, image.size) == ("WEBP", (limits.AVATAR_SIZE, limits.AVATAR_SIZE))
        assert getattr(image, "n_frames", 1) == 1  # a GIF gives its first frame only
        assert image.mode == ("RGBA" if mode == "RGBA" else "RGB")


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("notes.jpg", b"Minutes of the meeting, nothing to see.", "image/jpeg"),
        ("page.png", b"<!doctype html><html><script>alert(1)</script></html>", "image/png"),
        (
            "logo.png",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/png",
        ),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "image/svg+xml"),
        ("photo.tiff", picture("TIFF"), "image/tiff"),  # a real picture, not an allowed format
        ("cut.jpg", picture("JPEG")[:300], "image/jpeg"),  # truncated
    ],
)
def test_a_file_that_is_not_an_accepted_picture_is_refused_and_the_form_kept(
    client, member, media_root, name, content, content_type
):
    client.force_login(member)

    response = client.post(
        PROFILE_URL,
        profile_form(
            member, display_name="Ana Renamed", avatar=upload(content, name, content_type)
        ),
    )

    assert response.status_code == 200
    assert NOT_A_PICTURE in response.text
    assert 'value="Ana Renamed"' in response.text  # what was typed is kept
    assert 'enctype="multipart/form-data"' in response.text
    member.profile.refresh_from_db()
    assert member.profile.display_name != "Ana Renamed"
    assert not member.profile.avatar
    assert stored_avatars(media_root) == []


def test_a_picture_over_the_byte_limit_is_refused(client, member, media_root):
    noise = Image.frombytes("RGB", (700, 700), bytes(range(256)) * (700 * 700 * 3 // 256 + 1))
    buffer = io.BytesIO()
    noise.save(buffer, format="BMP")  # uncompressed: about 1.4 MiB
    too_large = buffer.getvalue()
    assert len(too_large) > limits.AVATAR_MAX_BYTES
    client.force_login(member)

    response = client.post(PROFILE_URL, profile_form(member, avatar=upload(too_large, "a.jpg")))

    assert "This picture is 1.4\xa0MB; the largest accepted is 1.0\xa0MB." in response.text
    assert stored_avatars(media_root) == []


@pytest.mark.parametrize(
    "content",
    [
        picture("PNG", size=(5000, 4000), mode="L"),  # 20 megapixels in a few kilobytes
        png_claiming(100_000, 100_000),  # a decompression bomb: Pillow's own limit too
    ],
    ids=["over the pixel limit", "decompression bomb"],
)
def test_a_picture_with_too_many_pixels_is_refused_before_it_is_decoded(
    client, member, media_root, content
):
    assert len(content) < limits.AVATAR_MAX_BYTES
    client.force_login(member)

    response = client.post(PROFILE_URL, profile_form(member, avatar=upload(content, "a.png")))

    assert "This picture has too many pixels; the largest accepted is 16 megapixels." in (
        response.text
    )
    assert stored_avatars(media_root) == []


def test_replacing_then_removing_the_picture_deletes_the_old_files_after_commit(
    client, member, media_root, django_capture_on_commit_callbacks
):
    client.force_login(member)
    client.post(PROFILE_URL, profile_form(member, avatar=upload(picture())))
    first = Path(Profile.objects.get(user=member).avatar.path)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(PROFILE_URL, profile_form(member, avatar=upload(picture("PNG"), "b.png")))
    second = Path(Profile.objects.get(user=member).avatar.path)
    assert callbacks
    assert not first.exists()
    assert stored_avatars(media_root) == [second]

    page = client.get(PROFILE_URL).text
    # On the profile page the picture is the subject: its alt says what it is.
    assert f'src="/media/avatars/{second.name}" width="96" height="96" alt="Your picture">' in page
    assert "Remove your picture" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PROFILE_URL, profile_form(member, remove_avatar="on"))
    assert response.status_code == 302
    assert not Profile.objects.get(user=member).avatar
    assert stored_avatars(media_root) == []
    assert "Remove your picture" not in client.get(PROFILE_URL).text


def test_a_refused_form_keeps_the_stored_picture(
    client, member, media_root, django_capture_on_commit_callbacks
):
    client.force_login(member)
    client.post(PROFILE_URL, profile_form(member, avatar=upload(picture())))
    stored = Profile.objects.get(user=member).avatar.name

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            PROFILE_URL,
            profile_form(member, time_zone="Mars/Olympus", avatar=upload(picture("PNG"), "b.png")),
        )

    assert response.status_code == 200
    assert f'src="/media/{stored}"' in response.text
    assert Profile.objects.get(user=member).avatar.name == stored
    assert [path.name for path in stored_avatars(media_root)] == [Path(stored).name]


def test_the_picture_shows_beside_the_members_posts(client, member, other_member, boards):
    member.profile.avatar.save("x.webp", reencode_avatar(upload(picture())))
    thread = thread_with_posts(board=boards["public"], author=member)
    thread_with_posts(board=boards["public"], author=other_member, title="Another thread here")

    page = client.get(f"/en/t/{thread.pk}/").text

    url = member.profile.avatar.url
    assert STORED_NAME.match(url.removeprefix("/media/"))
    # Decorative beside a post: the name follows it, so a screen reader should not say it twice.
    assert (
        f'<img class="avatar" data-slot="avatar" src="{url}" width="40" height="40" '
        'loading="lazy" alt="">'
    ) in page
    assert "Picture of" not in page
    served = client.get(url)
    assert (served.status_code, served["Content-Type"]) == (200, "image/webp")


def test_thread_pages_cost_the_same_queries_with_avatars(
    client, member, other_member, boards, media_root
):
    thread = thread_with_posts(
        board=boards["members"], author=member, replies=9, repliers=[other_member]
    )
    reader = other_member
    client.force_login(reader)
    url = f"/en/t/{thread.pk}/"
    client.get(url)  # the caches every page shares

    with CaptureQueriesContext(connection) as without:
        client.get(url)
    for author in (member, other_member):
        author.profile.avatar.save("x.webp", ContentFile(picture("WEBP", size=(256, 256))))
        touch_pages_showing(member=author, name=False)  # as update_profile does
    client.get(url)  # the page's shared part drawn again, with the pictures
    with CaptureQueriesContext(connection) as with_avatars:
        page = client.get(url).text

    # Each post's picture, and the live-post <template>'s empty slot for one.
    assert page.count('<img class="avatar"') == 10 + 1
    assert len(with_avatars) == len(without)


def test_the_export_gives_the_pictures_address(member):
    member.profile.avatar.save("x.webp", reencode_avatar(upload(picture())))

    data = export_member_data(member=member)

    site = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    assert data["profile"]["avatar"] == site + member.profile.avatar.url


def test_deleting_the_account_deletes_the_picture(
    member, media_root, django_capture_on_commit_callbacks
):
    member.profile.avatar.save("x.webp", reencode_avatar(upload(picture())))
    stored = Path(member.profile.avatar.path)

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(member=member)

    assert not stored.exists()
    assert stored_avatars(media_root) == []
    assert not Profile.objects.get(user=member).avatar
    assert export_member_data(member=member)["profile"]["avatar"] is None
