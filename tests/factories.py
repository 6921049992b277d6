import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from forum.models import Board, ProgramArea


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
