"""The checks a file attached to a post passes, and what is stored of it (docs/security.md).

What a file is comes from its bytes, never from its name or the browser's content type, and
its name must agree: a picture named .pdf, or a program named .docx, is refused as what it is.
Accepted: pictures (JPEG, PNG, WebP, GIF), PDF, and the office formats that carry no macros
(Word, Excel and PowerPoint's Open XML; OpenDocument's text, spreadsheet and presentation).

- A picture is decoded (its pixel count read from the header first, so a decompression bomb
  is refused before a pixel is decoded) and drawn again from its pixels alone, scaled down past
  limits.ATTACHMENT_IMAGE_MAX_SIDE: no EXIF or GPS metadata, no bytes after the image, survive.
  A thumbnail is drawn the same way.
- A PDF must parse (pypdf), within limits.ATTACHMENT_PDF_MAX_PAGES pages, and carry no script,
  launch action or embedded file.
- An office document is a zip: its directory is read, never its contents, and it is refused
  past limits.ATTACHMENT_ZIP_MAX_* (a zip bomb), with macros (vbaProject.bin), or without the
  parts its format has.
"""

from __future__ import annotations

import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from forum import limits
from forum.models import Attachment
from forum.uploads import decode_picture

ATTACHMENT_FOLDER = "attachments"
PICTURE_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
PICTURES = {"jpg", "jpeg", "png", "webp", "gif"}
PDF = "pdf"
# Each office extension: its content type, and the part that makes a zip this format (an Open
# XML folder, or an OpenDocument's "mimetype" entry).
OFFICE = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/"),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/"),
    "odt": ("application/vnd.oasis.opendocument.text", None),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", None),
    "odp": ("application/vnd.oasis.opendocument.presentation", None),
}
ACCEPTED = sorted(PICTURES | {PDF} | set(OFFICE))
ACCEPT_ATTRIBUTE = ",".join(f".{extension}" for extension in ACCEPTED)  # the file picker's filter
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the older Office formats, which may hold macros
# Characters a name shown to others may not hold: they would let "report\u202efdp.exe" read
# as "report.exe.pdf" (bidirectional controls), or hide parts of it.
INVISIBLE_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")


@dataclass
class Checked:
    """What is stored of an accepted file (forum/services/attachments.py writes it)."""

    kind: str
    name: str
    content_type: str
    content: ContentFile
    thumbnail: ContentFile | None = None
    width: int | None = None
    height: int | None = None


def check_attachment(upload) -> Checked:
    """The file to store for ``upload``; ValidationError, naming the file, if it is refused."""
    name = shown_name(upload.name or "")
    try:
        return _check(upload, name)
    except ValidationError as error:
        raise ValidationError(
            _("%(name)s: %(reason)s") % {"name": name or _("(no name)"), "reason": error.message},
            code=error.code,
        ) from None


def shown_name(name: str) -> str:
    """The uploaded name without any folder, invisible characters or excess length."""
    name = PureWindowsPath(PurePosixPath(name).name).name  # "C:\\x\\a.pdf" from old browsers
    name = "".join(c for c in name if unicodedata.category(c) not in INVISIBLE_CATEGORIES)
    name = unicodedata.normalize("NFC", name).strip().strip(".")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    room = limits.ATTACHMENT_NAME_MAX_LENGTH - len(extension) - 1
    return f"{stem[:room]}.{extension}" if extension else stem[: limits.ATTACHMENT_NAME_MAX_LENGTH]


def _extension(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def _check(upload, name: str) -> Checked:
    if not upload.size:
        raise ValidationError(_("the file is empty."), code="empty")
    if upload.size > limits.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("the file is %(size)s; the largest accepted is %(limit)s.")
            % {
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limits.ATTACHMENT_MAX_BYTES),
            },
            code="too_large",
        )
    extension = _extension(name)
    if extension not in ACCEPTED:
        raise ValidationError(
            _(
                "only pictures (JPEG, PNG, WebP, GIF), PDF and office documents (%(list)s) can be "
                "attached."
            )
            % {"list": ", ".join(sorted(OFFICE))},
            code="not_accepted",
        )
    upload.seek(0)
    start = upload.read(8)
    upload.seek(0)
    if extension in PICTURES:
        return _picture(upload, name)
    if extension == PDF:
        if not start.startswith(b"%PDF-"):
            raise _not_what_its_name_says(extension)
        return _pdf(upload, name)
    if start.startswith(OLE2):
        raise ValidationError(
            _(
                "older Office files (.doc, .xls, .ppt) can hold macros; save it as .docx, .xlsx "
                "or .pptx, or as PDF."
            ),
            code="legacy_office",
        )
    if not start.startswith(b"PK\x03\x04"):
        raise _not_what_its_name_says(extension)
    return _office(upload, name, extension)


def _not_what_its_name_says(extension: str) -> ValidationError:
    return ValidationError(
        _("its name ends in .%(extension)s, but its content is not a .%(extension)s file.")
        % {"extension": extension},
        code="content_mismatch",
    )


def _picture(upload, name: str) -> Checked:
    try:
        image = decode_picture(
            upload, formats=PICTURE_FORMATS, max_pixels=limits.ATTACHMENT_MAX_PIXELS
        )
    except ValidationError as error:
        if error.code == "not_a_picture":
            raise _not_what_its_name_says(_extension(name)) from None
        raise ValidationError(error.message, code=error.code) from None
    keeps_jpeg = image.format == "JPEG"
    try:
        full, thumbnail = _redraw(image, keeps_jpeg=keeps_jpeg)
    except Exception as error:  # a truncated or malformed picture fails while decoding
        raise _not_what_its_name_says(_extension(name)) from error
    stored = "jpg" if keeps_jpeg else "png"
    buffer = BytesIO()
    if keeps_jpeg:
        full.save(buffer, format="JPEG", quality=88, optimize=True)
    else:
        full.save(buffer, format="PNG", optimize=True)
    small = BytesIO()
    thumbnail.save(small, format="WEBP", quality=80)
    stem = name.rpartition(".")[0] or name
    return Checked(
        kind=Attachment.Kind.IMAGE,
        name=f"{stem}.{stored}",
        content_type="image/jpeg" if keeps_jpeg else "image/png",
        content=ContentFile(buffer.getvalue()),
        thumbnail=ContentFile(small.getvalue()),
        width=full.width,
        height=full.height,
    )


def _redraw(image: Image.Image, *, keeps_jpeg: bool) -> tuple[Image.Image, Image.Image]:
    side = limits.ATTACHMENT_IMAGE_MAX_SIDE
    image.draft(None, (side, side))  # a JPEG decodes straight at a smaller scale when it can
    image.load()
    image = ImageOps.exif_transpose(image)  # a phone photo's orientation, before EXIF goes
    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    mode = "RGBA" if transparent and not keeps_jpeg else "RGB"
    image = image.convert(mode)
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    # New images from the pixels alone: none of the upload's info (EXIF, ICC, XMP) follows.
    full = Image.frombytes(mode, image.size, image.tobytes())
    small = full.copy()
    small.thumbnail((limits.ATTACHMENT_THUMBNAIL_SIDE,) * 2, Image.Resampling.LANCZOS)
    return full, small


def _pdf(upload, name: str) -> Checked:
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject

    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pypdf warns of mended faults; a failure raises
            reader = PdfReader(upload, strict=False)
            if reader.is_encrypted:
                raise ValidationError(
                    _("the PDF is protected by a password; attach it without one."),
                    code="encrypted",
                )
            pages = len(reader.pages)
            catalog = reader.root_object  # indexing resolves indirect objects
            names: Any = catalog["/Names"] if "/Names" in catalog else DictionaryObject()
            active = "/OpenAction" in catalog and _acts(catalog["/OpenAction"])
            active = active or "/JavaScript" in names or "/EmbeddedFiles" in names
            active = active or "/AA" in catalog
    except ValidationError:
        raise
    except Exception as error:  # pypdf's many parse errors, and recursion in a crafted file
        raise _not_what_its_name_says(PDF) from error
    if active:
        raise ValidationError(
            _(
                "the PDF holds a script, an automatic action or embedded files; attach a PDF "
                "without them (printing it to PDF removes them)."
            ),
            code="active_pdf",
        )
    if not pages or pages > limits.ATTACHMENT_PDF_MAX_PAGES:
        raise _not_what_its_name_says(PDF)
    return Checked(
        kind=Attachment.Kind.PDF,
        name=name,
        content_type="application/pdf",
        content=_copy(upload),
    )


def _acts(action: Any) -> bool:
    """An /OpenAction that runs something (a script, a launch), not one that opens a page."""
    action = action.get_object()
    return isinstance(action, dict) and action.get("/S") in ("/JavaScript", "/Launch")


def _office(upload, name: str, extension: str) -> Checked:
    content_type, folder = OFFICE[extension]
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > limits.ATTACHMENT_ZIP_MAX_ENTRIES or _bomb(entries):
                raise ValidationError(
                    _("the document unpacks to far more than its size (a zip bomb)."),
                    code="zip_bomb",
                )
            names = {entry.filename for entry in entries}
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                raise ValidationError(
                    _(
                        "the document holds macros; save it without them (as .docx, .xlsx or "
                        ".pptx) and attach it again."
                    ),
                    code="macros",
                )
            if folder is not None:
                is_format = "[Content_Types].xml" in names and any(
                    n.startswith(folder) for n in names
                )
            else:
                is_format = "mimetype" in names and _read_small(archive, "mimetype") == (
                    content_type.encode()
                )
    except ValidationError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise _not_what_its_name_says(extension) from error
    if not is_format:
        raise _not_what_its_name_says(extension)
    return Checked(
        kind=Attachment.Kind.DOCUMENT, name=name, content_type=content_type, content=_copy(upload)
    )


def _bomb(entries: list[zipfile.ZipInfo]) -> bool:
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > limits.ATTACHMENT_ZIP_MAX_UNPACKED:
        return True
    return any(
        entry.file_size > 1024 * 1024
        and entry.file_size > limits.ATTACHMENT_ZIP_MAX_RATIO * max(entry.compress_size, 1)
        for entry in entries
    )


def _read_small(archive: zipfile.ZipFile, member: str) -> bytes:
    with archive.open(member) as opened:
        return opened.read(200).strip()


def _copy(upload) -> ContentFile:
    upload.seek(0)
    return ContentFile(upload.read())
