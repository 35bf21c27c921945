"""`manage.py load_demo`: the Sơn La / Phù Yên demo world, one login per role.

Idempotent: what exists (by code or username) is left as it is — never overwritten, even if
someone edited it — and a second run says that nothing changed. It always prints the logins.
"""

import importlib.util

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from parindex.accounts.models import User
from parindex.orgs import demo_world as world
from parindex.orgs.models import Department, Membership, Unit, UnitKind, UnitPredecessor
from parindex.orgs.services import add_membership, create_user, save_unit

FRAMEWORKS_DEMO = "parindex.frameworks.demo"


class Command(BaseCommand):
    help = "Load the demo province (Sơn La), Phù Yên district, its communes and demo users."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load even with DEBUG off (creates accounts with a published password).",
        )
        parser.add_argument(
            "--without-campaign",
            action="store_true",
            help="Skip the demo 2022 campaign (units, users and criteria sets only).",
        )
        parser.add_argument(
            "--url",
            default="http://127.0.0.1:8000/",
            help="The address printed for logging in (make run passes its PORT).",
        )

    def handle(self, *args, allow_production: bool = False, **options) -> None:
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "DEBUG is off: demo accounts have a published password. "
                "Pass --allow-production to load them anyway."
            )
        self.created: list[str] = []
        self.login_url = options.get("url", "http://127.0.0.1:8000/")
        with transaction.atomic():
            district, departments = self.load_units()
            self.load_users()
        if self.created:
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {len(self.created)} new."))
        else:
            self.stdout.write("Demo data already loaded: nothing changed.")
        self.load_frameworks(district, departments)
        if not options.get("without_campaign"):
            self.load_campaign()
        self.print_logins()

    # --- units -------------------------------------------------------------------------------
    def unit(self, code: str, name: str, kind: str, parent: Unit | None, **dates) -> Unit:
        existing = Unit.objects.filter(code=code).first()
        if existing is not None:
            return existing
        unit = Unit(code=code, name=name, kind=kind, parent=parent, **dates)
        save_unit(None, unit, source="load_demo")
        self.created.append(f"unit {code}")
        return unit

    def department(self, jurisdiction: Unit, code: str, name: str, unit=None) -> Department:
        department, created = Department.objects.get_or_create(
            jurisdiction=jurisdiction, code=code, defaults={"name": name, "unit": unit}
        )
        if created:
            self.created.append(f"department {jurisdiction.code}/{code}")
        return department

    def load_units(self) -> tuple[Unit, dict[str, Department]]:
        province = self.unit(*world.PROVINCE, UnitKind.PROVINCE, None)
        district = self.unit(
            *world.DISTRICT, UnitKind.DISTRICT, province, valid_to=world.DISTRICT_END
        )
        departments = {}
        for code, (office, provincial) in world.DEPARTMENTS.items():
            departments[code] = self.department(district, code, office)
            provincial_unit = self.unit(f"SL-S{code}", provincial, UnitKind.DEPARTMENT, province)
            self.department(province, code, provincial, unit=provincial_unit)
        for code, name, kind in world.COMMUNES:
            self.unit(code, name, kind, district, valid_to=world.DISTRICT_END)
        for code, name, lineage in world.MERGED_COMMUNES:
            merged = self.unit(code, name, UnitKind.COMMUNE, province, valid_from=world.MERGER_DAY)
            for predecessor_code, weight in lineage:
                _link, created = UnitPredecessor.objects.get_or_create(
                    unit=merged,
                    predecessor=Unit.objects.get(code=predecessor_code),
                    defaults={"weight": weight, "effective_on": world.MERGER_DAY},
                )
                if created:
                    self.created.append(f"lineage {predecessor_code} → {code}")
        return district, departments

    # --- users -------------------------------------------------------------------------------
    def load_users(self) -> None:
        for spec in world.USERS:
            user = User.objects.filter(username=spec.username).first()
            if user is None:
                user = create_user(
                    None,
                    username=spec.username,
                    full_name=spec.full_name,
                    email=f"{spec.username}@demo.parindex.invalid",
                    password=world.DEMO_PASSWORD,
                    source="load_demo",
                )
                self.created.append(f"user {spec.username}")
            unit = Unit.objects.get(code=spec.unit_code)
            department = None
            if spec.department:
                jurisdiction_code, department_code = spec.department
                department = Department.objects.get(
                    jurisdiction__code=jurisdiction_code, code=department_code
                )
            if not Membership.objects.filter(
                user=user, unit=unit, role=spec.role, department=department
            ).exists():
                add_membership(None, user, unit, spec.role, department, source="load_demo")
                self.created.append(f"role {spec.username}")

    # --- criteria sets (another app's demo, when it exists) ----------------------------------
    def load_campaign(self) -> None:
        # The 2022 commune campaign of seed 003: needs the demo commune criteria set above.
        from parindex.assessments.demo import load_demo_campaign
        from parindex.assigned_tasks.demo import load_demo_register
        from parindex.interim.demo import load_demo_interim
        from parindex.results.demo import load_demo_results

        self.stdout.write(load_demo_campaign([c for c, _n, _k in world.COMMUNES]).message)
        # Each returns one line; each is idempotent and skips itself when its inputs are missing.
        for load in (load_demo_results, load_demo_register, load_demo_interim):
            self.stdout.write(load())

    def load_frameworks(self, district: Unit, departments: dict[str, Department]) -> None:
        # find_spec, not `except ImportError`: a bug inside that module must not be hidden.
        if importlib.util.find_spec(FRAMEWORKS_DEMO) is None:
            self.stdout.write("Criteria sets: no demo available yet (parindex.frameworks.demo).")
            return
        from parindex.frameworks.demo import load_demo_frameworks

        loaded = list(load_demo_frameworks(district, departments) or [])
        if not loaded:
            self.stdout.write("Criteria sets: nothing new.")
        for item in loaded:
            self.stdout.write(f"Criteria set loaded: {item}")

    def print_logins(self) -> None:
        self.stdout.write(f"\nLog in at {self.login_url} with:\n")
        header = ("username", "password", "role", "unit", "department")
        lines = [header]
        users = {
            u.username: u
            for u in User.objects.filter(username__in=[s.username for s in world.USERS])
        }
        for spec in world.USERS:
            user = users.get(spec.username)
            shown = world.DEMO_PASSWORD
            fresh = f"user {spec.username}" in self.created  # skip a slow hash check
            if user is None or not (fresh or user.check_password(world.DEMO_PASSWORD)):
                shown = "(changed since)"
            unit = Unit.objects.get(code=spec.unit_code)
            department = spec.department[1] if spec.department else ""
            lines.append((spec.username, shown, str(spec.role.label), unit.name, department))
        widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
        for line in lines:
            self.stdout.write("  ".join(str(v).ljust(w) for v, w in zip(line, widths, strict=True)))
