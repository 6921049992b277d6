"""Forms: they validate what a user sends and keep it when it is refused.

One module per purpose: posting, profile, accounts, moderation; fields the forms share in
fields.py. Every form is importable from ``forum.forms`` as before.
"""

from forum.forms.accounts import (
    DeleteAccountForm,
    ForumPasswordResetForm,
    RegistrationForm,
    ResendConfirmationForm,
    SignInForm,
)
from forum.forms.fields import BodyField, ReasonField
from forum.forms.moderation import (
    AuditFilterForm,
    FlagForm,
    MembershipDecisionForm,
    MergeForm,
    MoveForm,
    OptionalReasonForm,
    ReasonForm,
    SplitForm,
    SuspendForm,
)
from forum.forms.posting import AUTO, EditPostForm, PostForm, ThreadForm
from forum.forms.profile import AvatarField, ProfileForm

__all__ = [
    "AUTO",
    "AuditFilterForm",
    "AvatarField",
    "BodyField",
    "DeleteAccountForm",
    "EditPostForm",
    "FlagForm",
    "ForumPasswordResetForm",
    "MembershipDecisionForm",
    "MergeForm",
    "MoveForm",
    "OptionalReasonForm",
    "PostForm",
    "ProfileForm",
    "ReasonField",
    "ReasonForm",
    "RegistrationForm",
    "ResendConfirmationForm",
    "SignInForm",
    "SplitForm",
    "SuspendForm",
    "ThreadForm",
]
