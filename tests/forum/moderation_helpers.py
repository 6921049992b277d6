"""Helpers the moderation service tests share (their fixtures are in tests/forum/conftest.py)."""

from django.contrib.auth import get_user_model

from forum.models import Event, ModerationAction, ModerationSettings, Moderator, Notification, Post
from tests.factories import verified_member

Kind = ModerationAction.Kind
State = Post.State
MODERATION = Notification.Kind.MODERATION


def fresh(user):
    """The user as stored now: the moderation scope and the profile are cached on the object."""
    return get_user_model().objects.get(pk=user.pk)


def area_moderator(username, *areas, languages=None):
    user = verified_member(username)
    scope = Moderator.objects.create(user=user, languages=languages or [])
    scope.areas.add(*areas)
    return fresh(user)


def moderation_settings(**values):
    stored = ModerationSettings.load()
    for field, value in values.items():
        setattr(stored, field, value)
    stored.save()
    return stored


def reload(obj):
    obj.refresh_from_db()
    return obj


def post_at(thread, position):
    return thread.posts.get(position=position)


def audited(kind, *, actor, reason, before=None, after=None, **targets):
    """The one audit row of this kind, checked field by field (targets: post=..., area=...)."""
    action = ModerationAction.objects.get(kind=kind)
    assert action.actor_id == (actor.pk if actor is not None else None)
    assert action.reason == reason
    assert action.before == (before or {})
    assert action.after == (after or {})
    for field, value in targets.items():
        expected = value.pk if value is not None else None
        assert getattr(action, f"{field}_id") == expected, field
    return action


def assert_told(member, action):
    """The member got one moderation notification about this act."""
    note = Notification.objects.get(recipient=member, kind=MODERATION, action=action)
    assert note.actor_id == action.actor_id
    assert (note.post_id, note.thread_id) == (action.post_id, action.thread_id)
    assert note.read_at is None
    return note


def moderation_notes(member):
    return Notification.objects.filter(recipient=member, kind=MODERATION)


def events(stream, kind):
    return list(Event.objects.filter(stream=stream, kind=kind).order_by("id"))
