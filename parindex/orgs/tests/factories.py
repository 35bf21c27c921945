"""factory-boy factories for units, departments, users and memberships (shared by all apps)."""

import factory
from factory.django import DjangoModelFactory, Password

from parindex.accounts.models import User
from parindex.orgs.models import Department, Membership, Role, Unit, UnitKind

# The password every factory user logs in with (tests that post the login form use it).
TEST_PASSWORD = "correct-horse-battery-9"


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"Xã Thử Nghiệm {n}")
    kind = UnitKind.COMMUNE
    parent = None


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = Department

    jurisdiction = factory.SubFactory(UnitFactory, kind=UnitKind.DISTRICT)
    code = factory.Sequence(lambda n: f"D{n:03d}")
    name = factory.Sequence(lambda n: f"Phòng Thử Nghiệm {n}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.test")
    password = Password(TEST_PASSWORD)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    role = Role.REPORTER
    department = None
