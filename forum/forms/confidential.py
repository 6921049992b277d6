"""The confidential-data check in the forms that publish text (a thread, a reply, an edit, a
private message).

Before the text goes out, the check reads it (and a thread's title). If it marks anything, the
form is refused with the marked spans shown in place, and the author chooses: "Replace the
marked parts" puts "[redacted]" where they were and shows the result to read before sending
again; "Send as written" needs a reason, and holds only for exactly what was shown (the form
carries a fingerprint of it: text changed since is checked again). Nothing typed is lost either
way: the refused form keeps the text, the files and the choices.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from functools import cached_property
from typing import Any

from django import forms
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forum import confidential, limits
from forum.services.confidential import Confirmed, Rules

REDACT = "redact"
CONFIRM = "confirm"
CHECKED_FIELDS = ("title", "subject", "body")
# Drawn in the check's own box (forum/_confidential_check.html), not with the other fields.
CHECK_FIELDS = ("check_action", "check_reason")


class ConfidentialCheckMixin:
    """For a forms.Form with a ``body`` (and maybe a ``title``): call ``setup_check(rules)``
    from ``__init__``; after ``is_valid()``, ``confirmed`` is what the author confirmed (or
    None)."""

    fields: dict[str, forms.Field]
    initial: MutableMapping[str, Any]
    data: Any
    is_bound: bool
    cleaned_data: dict[str, Any]
    add_error: Any

    confirmed: Confirmed | None = None
    findings: dict[str, list[confidential.Finding]]
    redacted = False
    # Can what was marked wait for a moderator? Not a changed title: it shows at once in every
    # list, so high-risk marks there can only be replaced.
    holdable = True

    def setup_check(self, rules: Rules | None) -> None:
        self.rules = rules
        self.findings = {}
        if rules is None:
            return
        self.fields["check_action"] = forms.ChoiceField(
            label=_("What to do"),
            required=False,
            widget=forms.RadioSelect,
            choices=[
                (REDACT, _("Replace the marked parts with [redacted]")),
                (CONFIRM, _("Send it as written")),
            ],
        )
        self.fields["check_reason"] = forms.CharField(
            label=_("Why this is safe to publish"),
            required=False,
            max_length=limits.REASON_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_("Needed to send the text as written. Moderators read it."),
        )
        self.fields["check_seen"] = forms.CharField(
            widget=forms.HiddenInput, required=False, max_length=64
        )
        if self.is_bound and self.data.get("check_action") == REDACT:
            self.data = self.data.copy()  # the request's is read-only
            self.redacted = self._redact()

    @property
    def check_action(self) -> str:
        action = self.data.get("check_action", "") if self.is_bound else ""
        return action if action in (REDACT, CONFIRM) else ""

    def _redact(self) -> bool:
        assert self.rules is not None
        mark = gettext("[redacted]")
        changed = False
        for name in CHECKED_FIELDS:
            text = self.data.get(name)
            if name not in self.fields or not isinstance(text, str) or self._unchanged(name, text):
                continue
            found = confidential.check(text, self.rules.categories, self.rules.patterns)
            if found:
                self.data[name] = confidential.redact(text, found, mark)
                changed = True
        return changed

    def _unchanged(self, name: str, text: str) -> bool:
        """Is this the text the form was opened with (an edit that leaves the body, a title
        change that leaves the title)? It was checked when it was written: not again. Spaces
        and line breaks do not count (browsers send CRLF)."""
        before = self.initial.get(name)
        return isinstance(before, str) and text.split() == before.split()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()  # type: ignore[misc]
        self.run_check()
        return cleaned

    def run_check(self) -> None:
        """Once the fields are clean: refuse marked text unless confirmed for what it shows."""
        if self.rules is None:
            return
        found: list[confidential.Finding] = []
        for name in CHECKED_FIELDS:
            text = self.cleaned_data.get(name)
            if name in self.fields and isinstance(text, str) and not self._unchanged(name, text):
                marked = confidential.check(text, self.rules.categories, self.rules.patterns)
                if marked:
                    self.findings[name] = marked
                    found += marked
        seen = confidential.digest(found) if found else ""
        if self.redacted:
            self.add_error(
                None,
                gettext(
                    "The marked parts were replaced by [redacted]. Read the text again, "
                    "then send it."
                ),
            )
        elif not found:
            return
        elif self.check_action == CONFIRM and self.cleaned_data.get("check_seen") == seen:
            reason = (self.cleaned_data.get("check_reason") or "").strip()
            if not self.holdable and any(finding.high_risk for finding in found):
                self.add_error(
                    "check_action",
                    gettext("A title shows at once in every list: replace the marked parts."),
                )
            elif not reason:
                self.add_error("check_reason", gettext("Say why this is safe to publish."))
            else:
                self.confirmed = Confirmed(tuple(found), reason)
                return
        else:
            self.add_error(
                None,
                gettext(
                    "This text may hold confidential case data (marked below). Replace the "
                    "marked parts, or send it as written and say why."
                ),
            )
        if found:
            self.data = self.data.copy()
            self.data["check_seen"] = seen  # the fingerprint of what is shown now

    @cached_property
    def marked(self) -> list[dict[str, Any]]:
        """For the template: each checked field's text with its findings highlighted (drawn
        once, after validation; the template asks more than once)."""
        shown = []
        for name, found in self.findings.items():
            text = self.cleaned_data.get(name, "")
            shown.append(
                {
                    "label": self.fields[name].label,
                    "html": highlight(text, found),
                    "labels": sorted({finding.label for finding in found}),
                    "high_risk": any(finding.high_risk for finding in found),
                }
            )
        return shown

    @property
    def holds_for_review(self) -> bool:
        """Would sending it as written hold it for a moderator? (not in a consultation)"""
        reviewed = self.rules is not None and self.rules.reviewed and self.holdable
        return reviewed and any(item["high_risk"] for item in self.marked)


def highlight(text: str, findings: list[confidential.Finding]) -> SafeString:
    """The text, escaped, with each finding in a <mark> that names what it looks like."""
    pieces: list[str] = []
    position = 0
    for finding in findings:
        pieces.append(escape(text[position : finding.start]))
        pieces.append(
            f'<mark data-category="{finding.category}" title="{escape(finding.label)}">'
            f"{escape(finding.text)}"
            f'<span class="visually-hidden"> ({escape(finding.label)})</span></mark>'
        )
        position = finding.end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 (each piece escaped above)
