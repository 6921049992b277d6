import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from forum.models import Board, Profile, ProgramArea
from forum.services.posting import post_reply, start_thread


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)
        if create:
            self.save()


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Group {n}")


class ProgramAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramArea

    slug = factory.Sequence(lambda n: f"area-{n}")
    name_en = factory.Sequence(lambda n: f"Area {n}")
    position = factory.Sequence(lambda n: n)


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board
        skip_postgeneration_save = True

    area = factory.SubFactory(ProgramAreaFactory)
    slug = factory.Sequence(lambda n: f"board-{n}")
    name_en = factory.Sequence(lambda n: f"Board {n}")
    position = factory.Sequence(lambda n: n)
    visibility = Board.Visibility.PUBLIC

    @factory.post_generation
    def allowed_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.allowed_groups.add(*extracted)


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
    display_name = factory.LazyAttribute(lambda p: p.user.username.title())
    verification = Profile.Verification.VERIFIED


def verified_member(username=None, **kwargs):
    """A member whose membership a moderator has verified."""
    user = UserFactory(**({"username": username} if username else {}), **kwargs)
    ProfileFactory(user=user)
    return user


def pending_member(username=None, **kwargs):
    user = UserFactory(**({"username": username} if username else {}), **kwargs)
    ProfileFactory(user=user, verification=Profile.Verification.PENDING)
    return user


def thread_with_posts(
    *,
    board,
    author,
    replies=0,
    title="A thread about charging decisions",
    body="First post text for the thread.",
    repliers=(),
):
    """A thread made through the services (counters and positions as in real use)."""
    first = start_thread(author=author, board=board, title=title, body=body, language="en")
    for n in range(replies):
        replier = repliers[n % len(repliers)] if repliers else author
        post_reply(
            author=replier, thread=first.thread, body=f"Reply number {n + 1}.", language="en"
        )
    first.thread.refresh_from_db()
    return first.thread


def signed_in(user):
    """A test client with ``user``'s session (one per device or person in a test)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client
