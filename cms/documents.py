"""The Wagtail admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), with one more check.

Wagtail checks a document's extension (WAGTAILDOCS_EXTENSIONS) and size
(WAGTAILDOCS_MAX_UPLOAD_SIZE); this form also checks that the file's first bytes are those of
the format its extension names, so an HTML page or a program renamed to .pdf or .txt is refused
(docs/security.md, "Uploads").
"""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

ZIP = b"PK\x03\x04"  # Office Open XML (docx, xlsx, pptx) and OpenDocument files are ZIP archives
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the older Office formats (doc, xls, ppt)
SIGNATURES = {
    "pdf": b"%PDF-",
    "rtf": b"{\\rtf",
    "doc": OLE2,
    "xls": OLE2,
    "ppt": OLE2,
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
}
# Plain text in any 8-bit encoding (a spreadsheet's CSV is often not UTF-8): no NUL byte in its
# start, unless it is UTF-16 with its byte-order mark.
TEXT_EXTENSIONS = ("txt", "csv")
TEXT_SAMPLE_BYTES = 64 * 1024
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile) and not content_matches_extension(file):
            raise forms.ValidationError(
                _("This file's content is not what its extension (.%(extension)s) says."),
                code="content_mismatch",
                params={"extension": extension_of(file.name)},
            )
        return file


def extension_of(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def content_matches_extension(file: UploadedFile) -> bool:
    """Whether the file starts as its extension's format does (other extensions: Wagtail's)."""
    extension = extension_of(file.name or "")  # an upload without a name has no extension
    if extension not in SIGNATURES and extension not in TEXT_EXTENSIONS:
        return True  # an extension outside the list: Wagtail's own check refuses it
    file.seek(0)
    start = file.read(TEXT_SAMPLE_BYTES)
    file.seek(0)
    if extension in SIGNATURES:
        return start.startswith(SIGNATURES[extension])
    return start.startswith(UTF16_MARKS) or b"\x00" not in start
