from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum import limits
from forum.forms import (
    ForumPasswordResetForm,
    ProfileForm,
    RegistrationForm,
    ResendConfirmationForm,
    SignInForm,
)
from forum.language_links import url_in_language
from forum.links import base_url
from forum.models import MutedMember, Profile
from forum.permissions import can_use_two_factor
from forum.services.members import (
    InvalidConfirmation,
    activate_member,
    confirm_email,
    is_unconfirmed,
    queue_confirmation,
    register_member,
    update_profile,
)
from forum.services.two_factor import has_two_factor
from forum.signin import (
    UNCONFIRMED,
    remember_unconfirmed,
    start_second_step,
    unconfirmed_sign_in,
)
from forum.throttling import CONFIRMATION_RESEND, REGISTRATION, SIGN_IN, refuse_over_limit
from forum.views.helpers import AuthenticatedHttpRequest


def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("forum:home")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        template = "registration/register.html"
        if refused := refuse_over_limit(request, REGISTRATION, form=form, template=template):
            return refused
        register_member(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            language=get_language(),
            base_url=base_url(request),
            **form.profile_data(),
        )
        # The same page whether the address was new or already registered (its owner was told
        # by e-mail): the form does not tell who is registered.
        return render(
            request, "registration/register_done.html", {"email": form.cleaned_data["email"]}
        )
    return render(request, "registration/register.html", {"form": form})


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user = confirm_email(token)
    except InvalidConfirmation:
        return render(request, "registration/confirm_invalid.html", status=400)
    if user.profile.is_verified:
        messages.success(
            request, _("Your address is confirmed and your membership is verified. Welcome!")
        )
    else:
        messages.success(
            request,
            _(
                "Your address is confirmed. A moderator will verify your membership; until then "
                "you can read the public boards."
            ),
        )
    return redirect("login")


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    instance, _created = Profile.objects.get_or_create(
        user=request.user, defaults={"display_name": request.user.get_username()}
    )
    form = ProfileForm(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        update_profile(member=request.user, form=form)
        # The site follows a newly chosen language at once, as it does at every sign-in.
        language = instance.preferred_language or get_language()
        with override(language):
            messages.success(request, _("Your profile was saved."))
            response = redirect("forum:profile")
        if instance.preferred_language:
            set_language_cookie(response, language)
        return response
    two_factor_on = has_two_factor(request.user)
    context = {
        "form": form,
        "profile": instance,
        "two_factor_on": two_factor_on,
        "two_factor_offered": two_factor_on or can_use_two_factor(request.user),
        "muted_members": list(
            MutedMember.objects.filter(user=request.user)
            .select_related("muted")
            .order_by("muted__username")
        ),
    }
    return render(request, "forum/profile.html", context)


class LoginView(auth_views.LoginView):
    """Django's sign-in, then the member's preferred language (if they chose one). A member
    with two-step sign-in on is not signed in yet: a code is asked first (forum/signin.py).
    Attempts from one address are counted whatever the usernames (django-axes counts failures
    per username and address). The right password of an account never confirmed is told so,
    with a button to have the link sent again."""

    form_class = SignInForm

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        context = self.get_context_data(form=form)
        template = self.get_template_names()[0]
        if refused := refuse_over_limit(
            request, SIGN_IN, form=form, template=template, context=context
        ):
            return refused
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        user = form.get_user()
        if has_two_factor(user):
            return start_second_step(
                self.request, user=user, backend=user.backend, next_url=self.get_success_url()
            )
        return follow_preferred_language(self.request, user, super().form_valid(form))

    def form_invalid(self, form):
        if form.unconfirmed_user is not None:
            remember_unconfirmed(self.request, form.unconfirmed_user)
            context = self.get_context_data(form=form, resend_form=ResendConfirmationForm())
            return self.render_to_response(context)
        return super().form_invalid(form)


@require_POST
def resend_confirmation(request: HttpRequest) -> HttpResponse:
    """Send the confirmation link again to the never-confirmed account this session just signed
    in to with its right password (rate-limited per account)."""
    user = unconfirmed_sign_in(request)
    if user is None:
        messages.info(request, _("Sign in again to have the confirmation link sent."))
        return redirect("login")
    form = ResendConfirmationForm(request.POST)
    template = "registration/confirmation_resent.html"
    if refused := refuse_over_limit(request, CONFIRMATION_RESEND, form=form, template=template):
        return refused
    language = getattr(getattr(user, "profile", None), "preferred_language", "") or get_language()
    queue_confirmation(user, language=language, base_url=base_url(request))
    return render(request, template, {"form": form, "sent": True})


class PasswordResetView(auth_views.PasswordResetView):
    """Django's, which also reaches accounts never confirmed, with links to this address."""

    form_class = ForumPasswordResetForm

    def form_valid(self, form):
        self.extra_email_context = {"base_url": base_url(self.request)}
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's; choosing a password with the e-mailed link also confirms the address."""

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            if is_unconfirmed(form.user):
                activate_member(form.user)
        self.request.session.pop(UNCONFIRMED, None)
        return response


def follow_preferred_language(request: HttpRequest, user, response: HttpResponse) -> HttpResponse:
    """A sign-in's redirect, moved to the member's preferred language (and its cookie set)."""
    profile = Profile.objects.filter(user=user).first()
    language = profile.preferred_language if profile else ""
    if language and response.has_header("Location"):
        response["Location"] = url_in_language(response["Location"], language, request)
        set_language_cookie(response, language)
    return response


def locked_out(request: HttpRequest, *args) -> HttpResponse:
    """django-axes' answer to a sign-in while this username is locked out from this address
    (AXES_LOCKOUT_CALLABLE); axes' extra arguments (response, credentials) are not needed."""
    context = {
        "failures": limits.LOGIN_FAILURES_BEFORE_LOCKOUT,
        "minutes": limits.LOGIN_LOCKOUT_MINUTES,
    }
    response = render(request, "registration/locked_out.html", context, status=429)
    response["Retry-After"] = str(limits.LOGIN_LOCKOUT_MINUTES * 60)
    return response


def set_language_cookie(response: HttpResponse, language: str) -> None:
    """What Django's set_language view sets: "/" then redirects to this language."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
