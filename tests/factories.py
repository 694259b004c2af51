import factory
from django.contrib.auth.models import Group, User
from factory.django import DjangoModelFactory

from guides.models import GuideChapter
from returnee_portal.roles import ASSOCIATES_GROUP, COORDINATORS_GROUP, REVIEWERS_GROUP
from services.models import (
    Category,
    District,
    Municipality,
    OpenCall,
    Organization,
    Project,
    ProjectIndicator,
    Service,
    SpokenLanguage,
)


class DistrictFactory(DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("slug",)

    name_sr_latn = factory.Sequence(lambda n: f"Okrug {n}")
    slug = factory.Sequence(lambda n: f"okrug-{n}")


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = Municipality

    name_sr_latn = factory.Sequence(lambda n: f"Opština {n}")
    slug = factory.Sequence(lambda n: f"opstina-{n}")
    district = factory.SubFactory(DistrictFactory)


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category

    name_sr_latn = factory.Sequence(lambda n: f"Kategorija {n}")
    slug = factory.Sequence(lambda n: f"kategorija-{n}")
    order = factory.Sequence(int)


class SpokenLanguageFactory(DjangoModelFactory):
    class Meta:
        model = SpokenLanguage
        django_get_or_create = ("code",)

    code = "rom"
    name_sr_latn = "romski"


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    name_sr_latn = factory.Sequence(lambda n: f"Organizacija {n}")
    slug = factory.Sequence(lambda n: f"organizacija-{n}")
    kind = Organization.Kind.PUBLIC_INSTITUTION


class ServiceFactory(DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    name_sr_latn = factory.Sequence(lambda n: f"Usluga {n}")
    slug = factory.Sequence(lambda n: f"usluga-{n}")

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)

    @factory.post_generation
    def staff_languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.staff_languages.set(extracted)


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project

    title_sr_latn = factory.Sequence(lambda n: f"Projekat {n}")
    slug = factory.Sequence(lambda n: f"projekat-{n}")


class ProjectIndicatorFactory(DjangoModelFactory):
    class Meta:
        model = ProjectIndicator

    project = factory.SubFactory(ProjectFactory)
    label_sr_latn = "Radionice"
    value = 915


class OpenCallFactory(DjangoModelFactory):
    class Meta:
        model = OpenCall

    title_sr_latn = factory.Sequence(lambda n: f"Konkurs {n}")
    slug = factory.Sequence(lambda n: f"konkurs-{n}")


class GuideChapterFactory(DjangoModelFactory):
    class Meta:
        model = GuideChapter

    title_sr_latn = factory.Sequence(lambda n: f"Poglavlje {n}")
    slug = factory.Sequence(lambda n: f"poglavlje-{n}")
    order = factory.Sequence(int)
    body_sr_latn = "## Prvi koraci\n\nIdite u **centar za socijalni rad**."


PASSWORD = "Tačna-lozinka-42"  # every factory user's


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"korisnik{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)


class AssociateFactory(UserFactory):
    """A local associate; pass `municipalities=[...]` for the ones they look after."""

    is_staff = True

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=ASSOCIATES_GROUP))
            self.served_municipalities.set(extracted or [])


class CoordinatorFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=COORDINATORS_GROUP))


class ReviewerFactory(UserFactory):
    """A translation reviewer: a native speaker with an admin login and nothing else."""

    is_staff = True

    @factory.post_generation
    def group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
