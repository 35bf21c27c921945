"""Who may see and record interim scores: the unit's own reporter and head, and the organisers,
council members and viewers whose jurisdiction covers the unit (read); organisers also record."""

from parindex.orgs import access
from parindex.orgs.models import Role, Unit

RECORD_ROLES = frozenset({Role.REPORTER, Role.HEAD, Role.ORGANISER})
READ_ROLES = RECORD_ROLES | {Role.COUNCIL, Role.VIEWER}


def may_record(user, unit: Unit) -> bool:
    return access.has_role(user, unit, RECORD_ROLES)


def may_read(user, unit: Unit) -> bool:
    return access.has_role(user, unit, READ_ROLES)


def get_unit(user, pk: int, *, record: bool = False) -> Unit:
    """The unit or 404 (not in sight) / 403 (seen, but not in the roles)."""
    return access.get_unit(user, pk, RECORD_ROLES if record else READ_ROLES)
