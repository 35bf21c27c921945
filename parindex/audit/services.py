"""`log_action`: the one way code records a state change in the audit trail."""

from typing import Any

from django.db import models

from parindex.audit.models import AuditEntry


def log_action(
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    *,
    unit: Any = None,
    reason: str = "",
    data: dict | None = None,
    ip: str | None = None,
) -> AuditEntry:
    """Record `actor` doing `action` to `obj`. Call inside the transaction of the change."""
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        actor=actor if is_user else None,
        actor_name=str(actor) if actor is not None else "",
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:300] if obj is not None else "",
        unit=unit,
        reason=reason,
        data=data or {},
        ip=ip,
    )
