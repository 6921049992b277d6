"""Moderation: flags, the reasons moderators give, moving, merging and splitting threads,
members' verification and suspension, the log's filters."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from forum import limits
from forum.forms.fields import ReasonField, _refuse_control_characters


class ReasonForm(forms.Form):
    reason = ReasonField()


class OptionalReasonForm(forms.Form):
    reason = ReasonField(required=False)


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this post?"),
        choices=[],  # set below, from the model
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=limits.REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for “Other”; helpful for the rest. Only moderators see it."),
        validators=[_refuse_control_characters],
    )

    def __init__(self, *args, **kwargs):
        from forum.models import Flag

        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = Flag.Reason.choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == "other" and not cleaned.get("text"):
            self.add_error("text", _("Say what is wrong with the post."))
        return cleaned


class MoveForm(forms.Form):
    board = forms.TypedChoiceField(label=_("Move to board"), coerce=int, choices=[])
    reason = ReasonField()

    def __init__(self, *args, boards=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["board"].choices = [(board.pk, str(board)) for board in boards]


class MergeForm(forms.Form):
    target = forms.IntegerField(
        label=_("Merge into thread number"),
        min_value=1,
        help_text=_("The number in the other thread's address: /t/<number>/."),
    )
    reason = ReasonField()


class SplitForm(forms.Form):
    title = forms.CharField(
        label=_("Title of the new thread"),
        min_length=limits.TITLE_MIN_LENGTH,
        max_length=limits.TITLE_MAX_LENGTH,
        validators=[_refuse_control_characters],
    )
    posts = forms.TypedMultipleChoiceField(
        label=_("Replies to move"), coerce=int, choices=[], widget=forms.CheckboxSelectMultiple
    )
    reason = ReasonField()

    def __init__(self, *args, replies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["posts"].choices = [
            (post.pk, f"#{post.position} — {post.author.get_username()}") for post in replies
        ]


class MembershipDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("verify", _("Verify")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    reason = ReasonField(required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("reason"):
            self.add_error("reason", _("Give a reason: the member concerned is told it."))
        return cleaned


class SuspendForm(forms.Form):
    until = forms.DateTimeField(
        label=_("Suspended until"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"],
    )
    reason = ReasonField()


class AuditFilterForm(forms.Form):
    """Filters of the moderation log; unknown values are ignored rather than refused."""

    kind = forms.ChoiceField(label=_("Action"), required=False, choices=[])
    moderator = forms.CharField(
        label=_("Moderator (user name or display name)"), required=False, max_length=150
    )
    member = forms.CharField(
        label=_("Member (user name or display name)"), required=False, max_length=150
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        from forum.models import ModerationAction

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any")), *ModerationAction.Kind.choices]
