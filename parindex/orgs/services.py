"""Workflows that change units, users and memberships: one transaction each, audited.

Forms and imports validate first and then call these; every change is logged with the
values before and after, so nothing a person entered disappears without a trace.
"""

from decimal import Decimal

from django.db import transaction

from parindex.accounts.models import User
from parindex.audit.services import log_action
from parindex.orgs.lineage import LineagePart, format_weight
from parindex.orgs.models import Department, Membership, Unit, UnitPredecessor
from parindex.textnorm import nfc

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


def unit_state(unit: Unit) -> dict[str, str]:
    """The editable fields as text, for change records."""
    return {
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind,
        "parent": unit.parent.code if unit.parent_id else "",
        "valid_from": unit.valid_from.isoformat() if unit.valid_from else "",
        "valid_to": unit.valid_to.isoformat() if unit.valid_to else "",
    }


def lineage_of(unit: Unit) -> list[LineagePart]:
    """Predecessors, heaviest first: "formed from A (0.6), B (0.4)"."""
    links = unit.predecessor_links.select_related("predecessor").order_by(
        "-weight", "predecessor__code"
    )
    return [LineagePart(link.predecessor.code, link.weight) for link in links]


def _diff(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    return {k: [before.get(k, ""), v] for k, v in after.items() if before.get(k, "") != v}


def _lineage_text(pairs: dict[str, Decimal]) -> str:
    return ";".join(f"{code}:{format_weight(w)}" for code, w in sorted(pairs.items()))


def _set_lineage(unit: Unit, lineage: list[tuple[Unit, Decimal]]) -> tuple[str, str]:
    """Make the unit's predecessors exactly `lineage`; returns (before, after) as text."""
    current = {link.predecessor.code: link for link in unit.predecessor_links.all()}
    before = {code: link.weight for code, link in current.items()}
    wanted = {pred.code: (pred, weight) for pred, weight in lineage}
    for code, link in current.items():
        if code not in wanted:
            link.delete()
    for code, (pred, weight) in wanted.items():
        link = current.get(code)
        if link is None:
            UnitPredecessor.objects.create(
                unit=unit, predecessor=pred, weight=weight, effective_on=unit.valid_from
            )
        elif link.weight != weight:
            link.weight = weight
            link.save(update_fields=["weight"])
    after = {code: weight for code, (_pred, weight) in wanted.items()}
    return _lineage_text(before), _lineage_text(after)


@transaction.atomic
def save_unit(
    actor: User,
    unit: Unit,
    lineage: list[tuple[Unit, Decimal]] | None = None,
    *,
    source: str = "form",
) -> str:
    """Create or update `unit` (and its lineage unless None); CREATED/UPDATED/UNCHANGED."""
    is_new = unit.pk is None
    before = {} if is_new else unit_state(Unit.objects.select_related("parent").get(pk=unit.pk))
    changes = _diff(before, unit_state(unit))
    if is_new or changes:
        unit.save()
    if lineage is not None:
        old, new = _set_lineage(unit, lineage)
        if old != new:
            changes["lineage"] = [old, new]
    if not is_new and not changes:
        return UNCHANGED
    log_action(
        actor,
        "unit.created" if is_new else "unit.updated",
        unit,
        unit=unit,
        data={"changes": changes, "source": source},
    )
    return CREATED if is_new else UPDATED


def user_state(user: User) -> dict[str, str]:
    return {
        "full_name": user.full_name,
        "email": user.email,
        "is_active": "yes" if user.is_active else "no",
    }


@transaction.atomic
def create_user(
    actor: User,
    *,
    username: str,
    full_name: str,
    email: str,
    password: str | None = None,
    source: str = "form",
) -> User:
    """A new account; without a password it cannot log in until a password reset."""
    user = User(username=nfc(username), full_name=nfc(full_name), email=nfc(email))
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    log_action(
        actor,
        "user.created",
        user,
        data={"changes": _diff({}, user_state(user)), "source": source},
    )
    return user


@transaction.atomic
def update_user(actor: User, user: User, *, source: str = "form") -> bool:
    """Save `user`'s edited profile fields; False (and nothing logged) when none changed."""
    user.full_name, user.email = nfc(user.full_name), nfc(user.email)
    before = user_state(User.objects.get(pk=user.pk))
    changes = _diff(before, user_state(user))
    if not changes:
        return False
    user.save(update_fields=["full_name", "email", "is_active", "search_text"])
    log_action(actor, "user.updated", user, data={"changes": changes, "source": source})
    return True


@transaction.atomic
def add_membership(
    actor: User,
    user: User,
    unit: Unit,
    role: str,
    department: Department | None = None,
    *,
    source: str = "form",
) -> Membership:
    membership = Membership.objects.create(user=user, unit=unit, role=role, department=department)
    log_action(
        actor,
        "membership.created",
        membership,
        unit=unit,
        data={
            "user": user.username,
            "role": role,
            "department": department.code if department else "",
            "source": source,
        },
    )
    return membership


@transaction.atomic
def remove_membership(actor: User, membership: Membership) -> None:
    unit, data = (
        membership.unit,
        {
            "user": membership.user.username,
            "role": membership.role,
            "department": membership.department.code if membership.department_id else "",
        },
    )
    log_action(actor, "membership.deleted", membership, unit=unit, data=data)
    membership.delete()


@transaction.atomic
def create_member(
    actor: User,
    *,
    username: str,
    full_name: str,
    email: str,
    password: str | None,
    unit: Unit,
    role: str,
    department: Department | None,
) -> User:
    """A new account with its first role, together or not at all."""
    user = create_user(
        actor, username=username, full_name=full_name, email=email, password=password
    )
    add_membership(actor, user, unit, role, department)
    return user
