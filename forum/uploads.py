"""Member avatars: the checks an uploaded picture passes, and the picture actually stored.

The upload itself is never stored. Pillow decodes it (its bytes decide the format, never the
file name or the browser's content type); then a new square picture is drawn from its pixels
alone and encoded here, so nothing else of the upload survives: no EXIF or GPS metadata, no
comment chunks, no bytes appended after the image (a polyglot's HTML or script). It is stored
under a random name (docs/security.md, "Uploads").
"""

from __future__ import annotations

import secrets
import warnings
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from forum import limits

AVATAR_FOLDER = "avatars"
# Pillow's names of the formats accepted: only their decoders are tried. A GIF or an animated
# WebP gives its first frame.
AVATAR_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
AVATAR_ACCEPT = "image/jpeg,image/png,image/webp,image/gif"  # the file picker's filter only
STORED_FORMAT, STORED_EXTENSION = "WEBP", "webp"


def avatar_path(instance, filename: str) -> str:
    """Profile.avatar's upload_to: a random, unguessable name; the uploaded name is not kept."""
    return f"{AVATAR_FOLDER}/{secrets.token_hex(16)}.{STORED_EXTENSION}"


def reencode_avatar(upload) -> ContentFile:
    """The square picture stored for an uploaded one; ValidationError if it is refused."""
    if upload.size > limits.AVATAR_MAX_BYTES:
        raise ValidationError(
            _("This picture is %(size)s; the largest accepted is %(limit)s.")
            % {
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limits.AVATAR_MAX_BYTES),
            },
            code="too_large",
        )
    image = decode_picture(upload, formats=AVATAR_FORMATS, max_pixels=limits.AVATAR_MAX_PIXELS)
    try:
        square = _square(image)
    except Exception as error:  # any decoder failure: not a picture we can use
        raise _not_a_picture() from error
    buffer = BytesIO()
    square.save(buffer, format=STORED_FORMAT, quality=85)
    return ContentFile(buffer.getvalue(), name=f"avatar.{STORED_EXTENSION}")


class CappedUploadHandler(TemporaryFileUploadHandler):
    """Every upload, to a temporary file, up to the largest any form accepts
    (limits.UPLOAD_KEPT_MAX_BYTES); the rest of a bigger one is read and dropped, and the file
    keeps its true size, so its form says how big it was and what is accepted, with the
    text typed beside it kept (settings.FILE_UPLOAD_HANDLERS)."""

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > limits.UPLOAD_KEPT_MAX_BYTES:
            return None  # dropped: the file is refused for its size anyway
        return super().receive_data_chunk(raw_data, start)

    def file_complete(self, file_size: int):
        file = super().file_complete(file_size)
        if file is not None:
            file.size = file_size  # the true size, not the part kept
        return file


def delete_file_on_commit(storage: Storage, name: str) -> None:
    """Delete a stored file once the transaction that stopped pointing at it has committed."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def decode_picture(upload, *, formats: tuple[str, ...], max_pixels: int) -> Image.Image:
    """The upload opened by Pillow, only with the decoders of ``formats``, its pixels not yet
    decoded; ValidationError for anything else, and for a picture of more than ``max_pixels``
    (a decompression bomb is refused from its header)."""
    upload.seek(0)
    try:
        # Pillow warns past Image.MAX_IMAGE_PIXELS and refuses twice that; as an error, the
        # warning stops a decompression bomb before any pixel is decoded.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=formats)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise _too_many_pixels(max_pixels) from error
    except Exception as error:  # unidentified, truncated, malformed: all refused
        raise _not_a_picture() from error
    # The header gives the size: checked before the pixels are decoded into memory.
    if image.width * image.height > max_pixels:
        raise _too_many_pixels(max_pixels)
    return image


def _square(image: Image.Image) -> Image.Image:
    # JPEG decodes straight at a reduced scale when the picture is much larger than needed.
    image.draft(None, (limits.AVATAR_SIZE, limits.AVATAR_SIZE))
    image.load()
    image = ImageOps.exif_transpose(image)  # a phone photo's orientation, before EXIF goes
    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    mode = "RGBA" if transparent else "RGB"
    square = ImageOps.fit(
        image.convert(mode),
        (limits.AVATAR_SIZE, limits.AVATAR_SIZE),
        method=Image.Resampling.LANCZOS,
    )
    # A new image from the pixels alone: none of the upload's info (EXIF, ICC, XMP) follows it.
    return Image.frombytes(mode, square.size, square.tobytes())


def _not_a_picture() -> ValidationError:
    return ValidationError(
        _("This file is not a picture in JPEG, PNG, WebP or GIF format."), code="not_a_picture"
    )


def _too_many_pixels(max_pixels: int) -> ValidationError:
    return ValidationError(
        _("This picture has too many pixels; the largest accepted is %(limit)s megapixels.")
        % {"limit": max_pixels // 1_000_000},
        code="too_many_pixels",
    )
